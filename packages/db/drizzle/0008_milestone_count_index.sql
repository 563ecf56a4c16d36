DROP INDEX "milestone_due_idx";--> statement-breakpoint
CREATE INDEX "milestone_due_idx" ON "milestone" USING btree ("due_on","reached_on","status");