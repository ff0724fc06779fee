-- CreateIndex
CREATE UNIQUE INDEX "step_runs_one_result" ON "step_runs"("run_id", "step_id") WHERE (status IN ('completed', 'skipped'));
