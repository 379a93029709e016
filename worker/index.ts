// Worker entry: HTTP through the Hono app, parse jobs from the queue, scheduled maintenance.
import app from "./app";

export { ProjectRoom } from "../durable-objects/project-room";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
