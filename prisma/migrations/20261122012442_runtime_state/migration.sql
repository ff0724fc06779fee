-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "control" TEXT,
ADD COLUMN     "lease_token" TEXT,
ADD COLUMN     "poked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "wake_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "step_runs" ADD COLUMN     "approval_id" TEXT,
ADD COLUMN     "children" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "cost" DECIMAL(14,6) NOT NULL DEFAULT 0,
ADD COLUMN     "input_tokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "output_tokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "routes" JSONB,
ADD COLUMN     "state" JSONB,
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "wake_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "approvals_status_created_at_idx" ON "approvals"("status", "created_at");

-- CreateIndex
CREATE INDEX "runs_status_wake_at_idx" ON "runs"("status", "wake_at");

-- CreateIndex
CREATE INDEX "runs_parent_run_id_idx" ON "runs"("parent_run_id");
