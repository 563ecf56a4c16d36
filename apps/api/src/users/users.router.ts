import { createUserSchema, updateUserSchema, userIdSchema } from "@defis/domain";
import { procedureFor, router } from "../trpc.js";
import { createUser, setUserActive, updateUser } from "./user-commands.js";
import { listUsers } from "./user-queries.js";

export const usersRouter = router({
  list: procedureFor("manageUsers").query(({ ctx }) => listUsers(ctx.db)),

  create: procedureFor("manageUsers")
    .input(createUserSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => createUser(tx, ctx.actor, input))),

  update: procedureFor("manageUsers")
    .input(updateUserSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => updateUser(tx, ctx.actor, input))),

  deactivate: procedureFor("manageUsers")
    .input(userIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => setUserActive(tx, ctx.actor, input.userId, false)),
    ),

  reactivate: procedureFor("manageUsers")
    .input(userIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => setUserActive(tx, ctx.actor, input.userId, true)),
    ),
});
