import { laureatesRouter } from "./laureates/laureates.router.js";
import { programmeRouter } from "./programme/programme.router.js";
import { router } from "./trpc.js";

export const appRouter = router({
  programme: programmeRouter,
  laureates: laureatesRouter,
});

export type AppRouter = typeof appRouter;
