import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";
import { registerAnswer } from "./answer.js";
import { registerApproveAnswer } from "./answers/approve.js";
import { registerAssignAnswers } from "./answers/assign.js";
import { registerBulkApprove } from "./answers/bulk-approve.js";
import { registerEditAnswer } from "./answers/edit.js";
import { registerGetAnswer } from "./answers/get.js";
import { registerAnswerHistory } from "./answers/history.js";
import { registerListAnswers } from "./answers/list.js";
import { registerReassignAnswer } from "./answers/reassign.js";
import { registerRejectAnswer } from "./answers/reject.js";
import { registerRememberAnswer } from "./answers/remember.js";
import { registerListAttention } from "./attention/list.js";
import { registerRunSweep } from "./attention/sweep.js";
import { registerAudit } from "./audit.js";
import { registerComments } from "./comments/comments.js";
import { registerListConflicts } from "./conflicts/list.js";
import { registerResolveConflict } from "./conflicts/resolve.js";
import { registerCreateCustomer } from "./customers/create.js";
import { registerDeleteCustomer } from "./customers/delete.js";
import { registerGetCustomer } from "./customers/get.js";
import { registerListCustomers } from "./customers/list.js";
import { registerUpdateCustomer } from "./customers/update.js";
import { registerUpsertCustomerByCrm } from "./customers/upsert-by-crm.js";
import { registerHealth } from "./health.js";
import { registerDemandCharts } from "./insights/charts.js";
import { registerCrosswalk } from "./insights/crosswalk.js";
import { registerDemandInsight } from "./insights/demand.js";
import { registerInvitations } from "./invitations/invitations.js";
import { registerCreateKey } from "./keys/create.js";
import { registerListKeys } from "./keys/list.js";
import { registerRevokeKey } from "./keys/revoke.js";
import { registerLibrary } from "./library.js";
import { registerMatch } from "./match.js";
import { registerWhoAmI } from "./people/me.js";
import { registerSignIn } from "./people/sign-in.js";
import { registerSignOut } from "./people/sign-out.js";
import { registerUsers } from "./people/users.js";
import { registerQuestionnaireCitations } from "./questionnaires/citations.js";
import { registerCreateQuestionnaire } from "./questionnaires/create.js";
import { registerDeleteQuestionnaire } from "./questionnaires/delete.js";
import { registerQuestionnaireEvents } from "./questionnaires/events.js";
import { registerExportQuestionnaire } from "./questionnaires/export.js";
import { registerGetQuestionnaire } from "./questionnaires/get.js";
import { registerListQuestionnaires } from "./questionnaires/list.js";
import { registerUpdateQuestionnaire } from "./questionnaires/update.js";
import { registerSso } from "./sso/sso.js";
import { registerCreateWebhook } from "./webhooks/create.js";
import { registerDeleteWebhook } from "./webhooks/delete.js";
import { registerListDeliveries } from "./webhooks/deliveries.js";
import { registerGetWebhook } from "./webhooks/get.js";
import { registerListWebhooks } from "./webhooks/list.js";
import { registerPingWebhook } from "./webhooks/ping.js";

/** Every route of the API. The security suite (test/api) checks each one against its table. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const register of [
    registerHealth,
    registerAnswer,
    registerMatch,
    registerCustomers,
    registerQuestionnaires,
    registerAnswers,
    registerLibrary,
    registerCrosswalk,
    registerDemandInsight,
    registerDemandCharts,
    registerFreshness,
    registerWebhooks,
    registerKeys,
    registerPeople,
    registerAudit,
  ]) {
    register(app);
  }
}

function registerCustomers(app: OpenAPIHono<AppEnv>): void {
  registerCreateCustomer(app);
  registerListCustomers(app);
  registerGetCustomer(app);
  registerUpdateCustomer(app);
  registerUpsertCustomerByCrm(app);
  registerDeleteCustomer(app);
}

function registerQuestionnaires(app: OpenAPIHono<AppEnv>): void {
  registerCreateQuestionnaire(app);
  registerListQuestionnaires(app);
  registerGetQuestionnaire(app);
  registerQuestionnaireEvents(app);
  registerUpdateQuestionnaire(app);
  registerDeleteQuestionnaire(app);
  registerExportQuestionnaire(app);
  registerQuestionnaireCitations(app);
}

function registerAnswers(app: OpenAPIHono<AppEnv>): void {
  registerListAnswers(app);
  registerBulkApprove(app);
  registerAssignAnswers(app);
  registerGetAnswer(app);
  registerEditAnswer(app);
  registerApproveAnswer(app);
  registerRejectAnswer(app);
  registerReassignAnswer(app);
  registerRememberAnswer(app);
  registerAnswerHistory(app);
  registerComments(app);
}

function registerPeople(app: OpenAPIHono<AppEnv>): void {
  registerSignIn(app);
  registerSignOut(app);
  registerWhoAmI(app);
  registerUsers(app);
  registerInvitations(app);
  registerSso(app);
}

function registerFreshness(app: OpenAPIHono<AppEnv>): void {
  registerListAttention(app);
  registerRunSweep(app);
  registerListConflicts(app);
  registerResolveConflict(app);
}

function registerWebhooks(app: OpenAPIHono<AppEnv>): void {
  registerCreateWebhook(app);
  registerListWebhooks(app);
  registerGetWebhook(app);
  registerDeleteWebhook(app);
  registerListDeliveries(app);
  registerPingWebhook(app);
}

function registerKeys(app: OpenAPIHono<AppEnv>): void {
  registerCreateKey(app);
  registerListKeys(app);
  registerRevokeKey(app);
}
