-- Re-runs remember where they came from (rerunFrom): the run re-ran and the step it re-ran
-- from, shown as a link on the new run. Nullable: every other run has neither.
-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "rerun_from_step" TEXT,
ADD COLUMN     "rerun_of_run_id" TEXT;
