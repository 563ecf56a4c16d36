import { assignSponsorSchema, createUserSchema, updateUserSchema, userIdSchema } from "@defis/domain";
import { procedureFor, router } from "../trpc.js";
import { createUser, setUserActive, updateUser } from "./user-commands.js";
import { listUsers } from "./user-queries.js";
import { assignSponsor } from "./sponsor-assignment.js";
import { inTransaction } from "../mutation.js";

export const usersRouter = router({
  list: procedureFor("manageUsers").query(({ ctx }) => listUsers(ctx.db)),

  create: procedureFor("manageUsers").input(createUserSchema).mutation(inTransaction(createUser)),

  update: procedureFor("manageUsers").input(updateUserSchema).mutation(inTransaction(updateUser)),

  deactivate: procedureFor("manageUsers")
    .input(userIdSchema)
    .mutation(inTransaction((tx, actor, input) => setUserActive(tx, actor, input.userId, false))),

  reactivate: procedureFor("manageUsers")
    .input(userIdSchema)
    .mutation(inTransaction((tx, actor, input) => setUserActive(tx, actor, input.userId, true))),

  /** From "À relancer": a laureate without sponsor given to an existing sponsor (officers too). */
  assignSponsor: procedureFor("assignSponsor")
    .input(assignSponsorSchema)
    .mutation(inTransaction(assignSponsor)),
});
