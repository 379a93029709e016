// A small fake of the Stripe endpoints Scrollkeeper calls (no stripe-mock exists for us):
// customers, Checkout sessions, billing-portal sessions, plus the pages their URLs open.
// The worker reaches it through the official client with STRIPE_API_HOST/PORT/PROTOCOL.
// GET /__fake/requests lists every API call (method, path, form params) for assertions.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";

const id = (prefix) => `${prefix}_${randomBytes(8).toString("hex")}`;

/** Starts the fake on 127.0.0.1 (port 0 = any free port). */
export async function startFakeStripe({ port = 0 } = {}) {
  const requests = [];
  const sessions = new Map();
  const customers = new Map();
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const base = `http://${req.headers.host}`;
    const params = Object.fromEntries(new URLSearchParams(url.searchParams.size ? url.search : raw));
    const send = (status, body, type = "application/json") => {
      res.writeHead(status, { "Content-Type": type, "Request-Id": id("req") });
      res.end(type === "application/json" ? JSON.stringify(body) : body);
    };
    if (url.pathname === "/__fake/requests") return send(200, { requests, sessions: [...sessions.values()] });
    if (url.pathname.startsWith("/checkout/")) {
      const session = sessions.get(url.pathname.split("/").pop());
      return send(
        session ? 200 : 404,
        `<!doctype html><title>Fake Stripe Checkout</title><body style="font-family:sans-serif;padding:40px"><h1>Fake Stripe Checkout</h1>` +
          `<p data-session="${session?.id ?? ""}">Plan: <strong>${session?.metadata?.plan ?? "?"}</strong> (${session?.metadata?.interval ?? "?"})</p></body>`,
        "text/html",
      );
    }
    if (url.pathname.startsWith("/portal/")) return send(200, `<!doctype html><title>Fake Stripe portal</title><h1>Fake customer portal</h1>`, "text/html");
    if (!url.pathname.startsWith("/v1/")) return send(404, { error: { type: "invalid_request_error", message: "Unknown path" } });

    requests.push({ method: req.method, path: url.pathname, params, idempotencyKey: req.headers["idempotency-key"] ?? null });
    if (!/^Bearer sk_/.test(req.headers.authorization ?? "")) {
      return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    }
    const metadata = (prefix) =>
      Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith(`${prefix}[`)).map(([k, v]) => [k.slice(prefix.length + 1, -1), v]));

    if (req.method === "POST" && url.pathname === "/v1/customers") {
      const customer = { id: id("cus"), object: "customer", email: params.email ?? null, name: params.name ?? null, metadata: metadata("metadata") };
      customers.set(customer.id, customer);
      return send(200, customer);
    }
    if (req.method === "GET" && url.pathname.startsWith("/v1/customers/")) {
      const customer = customers.get(url.pathname.split("/").pop());
      return customer ? send(200, customer) : send(404, { error: { type: "invalid_request_error", message: "No such customer" } });
    }
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      if (!params.customer || !customers.has(params.customer)) return send(400, { error: { type: "invalid_request_error", message: "No such customer" } });
      const sessionId = id("cs_test");
      const session = {
        id: sessionId,
        object: "checkout.session",
        mode: params.mode,
        customer: params.customer,
        client_reference_id: params.client_reference_id ?? null,
        metadata: metadata("metadata"),
        line_items: [{ price: params["line_items[0][price]"], quantity: Number(params["line_items[0][quantity]"] ?? 1) }],
        success_url: params.success_url,
        cancel_url: params.cancel_url,
        payment_status: "unpaid",
        status: "open",
        subscription: null,
        url: `${base}/checkout/${sessionId}`,
      };
      sessions.set(sessionId, session);
      return send(200, session);
    }
    if (req.method === "POST" && url.pathname === "/v1/billing_portal/sessions") {
      if (!params.customer || !customers.has(params.customer)) return send(400, { error: { type: "invalid_request_error", message: "No such customer" } });
      const portalId = id("bps");
      return send(200, { id: portalId, object: "billing_portal.session", customer: params.customer, return_url: params.return_url, url: `${base}/portal/${portalId}` });
    }
    return send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
    server,
  };
}
