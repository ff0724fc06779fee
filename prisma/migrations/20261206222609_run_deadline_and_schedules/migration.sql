-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "deadline_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "segment_schedules" (
    "id" TEXT NOT NULL,
    "segment_id" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "next_fire_at" TIMESTAMPTZ(3),
    "last_fired_at" TIMESTAMPTZ(3),
    "last_run_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "segment_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "segment_schedules_segment_id_idx" ON "segment_schedules"("segment_id");

-- CreateIndex
CREATE INDEX "segment_schedules_enabled_next_fire_at_idx" ON "segment_schedules"("enabled", "next_fire_at");

-- AddForeignKey
ALTER TABLE "segment_schedules" ADD CONSTRAINT "segment_schedules_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
