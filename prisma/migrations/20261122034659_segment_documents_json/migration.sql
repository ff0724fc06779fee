-- AlterTable
ALTER TABLE "segment_drafts" ALTER COLUMN "document" SET DATA TYPE JSON;

-- AlterTable
ALTER TABLE "segment_revisions" ALTER COLUMN "document" SET DATA TYPE JSON;
