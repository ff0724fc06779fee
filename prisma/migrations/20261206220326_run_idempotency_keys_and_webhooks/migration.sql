-- CreateTable
CREATE TABLE "run_idempotency_keys" (
    "principal_id" TEXT NOT NULL,
    "segment_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "run_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_idempotency_keys_pkey" PRIMARY KEY ("principal_id","segment_id","key")
);

-- CreateTable
CREATE TABLE "segment_webhooks" (
    "segment_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_webhooks_pkey" PRIMARY KEY ("segment_id")
);

-- CreateIndex
CREATE INDEX "run_idempotency_keys_created_at_idx" ON "run_idempotency_keys"("created_at");

-- AddForeignKey
ALTER TABLE "run_idempotency_keys" ADD CONSTRAINT "run_idempotency_keys_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_webhooks" ADD CONSTRAINT "segment_webhooks_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
