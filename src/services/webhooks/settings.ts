import { DEFAULT_WEBHOOK_SETTINGS, type ServiceDeps, type WebhookSettings } from "../context.js";

export const webhookSettings = (deps: ServiceDeps): WebhookSettings => ({
  ...DEFAULT_WEBHOOK_SETTINGS,
  ...deps.webhooks,
});
