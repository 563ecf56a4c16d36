import { auditRouter } from "./audit/audit.router.js";
import { controlsRouter } from "./controls/controls.router.js";
import { dashboardRouter } from "./dashboard/dashboard.router.js";
import { exportsRouter } from "./exports/exports.router.js";
import { financeRouter } from "./finance/finance.router.js";
import { impactRouter } from "./impact/impact.router.js";
import { laureatesRouter } from "./laureates/laureates.router.js";
import { programmeRouter } from "./programme/programme.router.js";
import { progressRouter } from "./progress/progress.router.js";
import { remindersRouter } from "./reminders/reminders.router.js";
import { replicationRouter } from "./replication/replication.router.js";
import { reviewsRouter } from "./reviews/reviews.router.js";
import { router } from "./trpc.js";
import { usersRouter } from "./users/users.router.js";

export const appRouter = router({
  programme: programmeRouter,
  laureates: laureatesRouter,
  users: usersRouter,
  audit: auditRouter,
  finance: financeRouter,
  progress: progressRouter,
  reminders: remindersRouter,
  replication: replicationRouter,
  impact: impactRouter,
  dashboard: dashboardRouter,
  reviews: reviewsRouter,
  controls: controlsRouter,
  exports: exportsRouter,
});

export type AppRouter = typeof appRouter;
