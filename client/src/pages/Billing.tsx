// Plans and billing: the plan in force, live usage against its limits, upgrades through Stripe
// Checkout, the Stripe portal for everything else, and what happens while a payment is failing.
import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { api, errorMessage, type BillingDto, type BillingInterval } from "../api";
import { Icon } from "../components/Icon";
import { ErrorState, SkeletonRows } from "../components/States";
import { UsageBar } from "../components/UsageBar";
import { formatDate } from "../lib/format";
import { user } from "../stores/session";
import { toast } from "../stores/toasts";
import "../styles/billing.css";

type PlanDto = BillingDto["plans"][number];

export function bytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(n >= 10 * 1024 ** 3 ? 0 : 1)} GB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(n >= 10 * 1024 ** 2 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

const statusLabel: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed",
  unpaid: "Unpaid",
  canceled: "Cancelled",
  incomplete: "Waiting for payment",
};

export default function Billing() {
  const [params, setParams] = useSearchParams<{ checkout?: string }>();
  const [billing, { refetch }] = createResource(() => api.getBilling());
  const [interval, setInterval] = createSignal<BillingInterval>("month");
  const [pending, setPending] = createSignal<string | null>(null);

  // Back from Checkout: Stripe's webhook may land a moment after the redirect.
  if (params.checkout === "success") {
    let tries = 0;
    const timer = window.setInterval(() => {
      tries++;
      if (tries > 10 || (billing() && billing()!.subscribedPlan !== "free")) window.clearInterval(timer);
      else void refetch();
    }, 1500);
    onCleanup(() => window.clearInterval(timer));
  }

  const go = async (key: string, action: () => Promise<{ url: string }>) => {
    setPending(key);
    try {
      window.location.assign((await action()).url);
    } catch (error) {
      toast(errorMessage(error), "error");
      setPending(null);
    }
  };

  return (
    <div class="page page-narrow billing-page">
      <header class="page-header">
        <div>
          <h1 class="page-title">Plans and billing</h1>
          <p class="page-subtitle">Storage and people count against the owner of each project. Upgrading never changes what is already stored.</p>
        </div>
      </header>

      <Show when={params.checkout}>
        <div class="notice" classList={{ "notice-success": params.checkout === "success" }} role="status">
          <Icon name={params.checkout === "success" ? "check" : "x"} />
          <p>
            {params.checkout === "success"
              ? "Thank you! Your payment went through; your new plan appears here as soon as Stripe confirms it."
              : "Checkout was cancelled. Nothing was charged."}
          </p>
          <button type="button" class="btn-icon btn-icon-sm" aria-label="Dismiss" onClick={() => setParams({ checkout: undefined })}>
            <Icon name="x" size={14} />
          </button>
        </div>
      </Show>

      <Switch>
        <Match when={billing.error}>
          <ErrorState message={errorMessage(billing.error)} onRetry={refetch} />
        </Match>
        <Match when={!billing()}>
          <section class="panel section">
            <SkeletonRows rows={4} label="Loading your plan" />
          </section>
        </Match>
        <Match when={billing()}>
          {(b) => (
            <>
              <PastDue billing={b()} onManage={() => go("portal", api.openBillingPortal)} pending={pending() === "portal"} />

              <section class="panel section" aria-labelledby="current-plan">
                <div class="section-row">
                  <div class="section-head">
                    <h2 id="current-plan" class="section-title">
                      {b().plans.find((p) => p.id === b().plan)?.name ?? b().plan} plan
                      <Show when={b().status !== "none"}>
                        <span class="plan-status" data-status={b().status}>
                          {statusLabel[b().status] ?? b().status}
                        </span>
                      </Show>
                    </h2>
                    <p class="section-text">
                      <Show when={b().subscribedPlan !== "free" && b().status !== "canceled"} fallback="Free forever: no card needed.">
                        Billed {b().interval === "year" ? "yearly" : "monthly"}
                        <Show when={b().currentPeriodEnd}> · renews {formatDate(b().currentPeriodEnd!)}</Show>
                        <Show when={b().seats && b().subscribedPlan === "lab"}> · {b().seats} seats</Show>
                      </Show>
                    </p>
                  </div>
                  <Show when={b().configured && b().hasCustomer}>
                    <button type="button" class="btn btn-secondary" disabled={pending() !== null} onClick={() => go("portal", api.openBillingPortal)}>
                      {pending() === "portal" ? "Opening…" : "Manage billing"}
                    </button>
                  </Show>
                </div>
                <div class="usage-list">
                  <UsageBar label="Storage" used={b().usage.storageBytes} limit={b().limits.storageBytes} format={bytes} hint={`Files up to ${bytes(b().limits.fileBytes)} each.`} />
                  <UsageBar label="Projects you own" used={b().usage.projects} limit={b().limits.projects} />
                  <For each={b().usage.membersByProject}>
                    {(p) => (
                      <UsageBar
                        label={`People in “${p.name}”`}
                        used={p.members + p.pendingInvites}
                        limit={b().limits.membersPerProject}
                        hint={p.pendingInvites ? `${p.members} members and ${p.pendingInvites} open ${p.pendingInvites === 1 ? "invitation" : "invitations"}` : undefined}
                      />
                    )}
                  </For>
                  <Show when={!b().usage.membersByProject.length}>
                    <p class="section-text">Up to {b().limits.membersPerProject} people per project, counting open invitations.</p>
                  </Show>
                </div>
              </section>

              <section class="panel section" aria-labelledby="plans-title">
                <div class="section-row">
                  <div class="section-head">
                    <h2 id="plans-title" class="section-title">
                      Plans
                    </h2>
                    <p class="section-text">Prices are shown at checkout. Change or cancel any time from “Manage billing”.</p>
                  </div>
                  <div class="segmented" role="group" aria-label="Billing period">
                    <button type="button" aria-pressed={interval() === "month"} onClick={() => setInterval("month")}>
                      Monthly
                    </button>
                    <button type="button" aria-pressed={interval() === "year"} onClick={() => setInterval("year")}>
                      Yearly
                    </button>
                  </div>
                </div>
                <Show when={!b().configured}>
                  <div class="notice" role="note">
                    <Icon name="alert" />
                    <p>
                      <strong>Billing is not configured on this server.</strong> Plans cannot be bought here; everything within the {b().plans[0]?.name ?? "Free"} limits keeps working.
                    </p>
                  </div>
                </Show>
                <Show when={b().configured && user() && !user()!.emailVerified}>
                  <div class="notice" role="note">
                    <Icon name="mail" />
                    <p>Confirm your email address to upgrade: follow the link we sent to {user()!.email}.</p>
                  </div>
                </Show>
                <div class="plan-grid">
                  <For each={b().plans}>
                    {(plan) => (
                      <PlanCard
                        plan={plan}
                        billing={b()}
                        interval={interval()}
                        pending={pending() === plan.id}
                        busy={pending() !== null}
                        onChoose={() => go(plan.id, () => api.startCheckout(plan.id as "researcher" | "lab", interval()))}
                      />
                    )}
                  </For>
                </div>
              </section>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function PastDue(props: { billing: BillingDto; onManage: () => void; pending: boolean }) {
  const b = () => props.billing;
  const inGrace = () => b().status === "past_due" && b().plan !== "free";
  const lapsed = () => (b().status === "past_due" || b().status === "unpaid") && b().plan === "free" && b().subscribedPlan !== "free";
  return (
    <Show when={inGrace() || lapsed()}>
      <div class="banner banner-warning billing-banner" role="alert">
        <Icon name="alert" />
        <p>
          <Show
            when={inGrace()}
            fallback={<>Your payment is overdue, so the Free limits apply. Nothing was deleted: pay the open invoice to get your plan back, and projects over the limits take new uploads again.</>}
          >
            Your last payment failed. Update your payment method{b().graceUntil ? ` by ${formatDate(b().graceUntil!)}` : ""} to keep your plan; after that the Free limits apply (nothing is deleted).
          </Show>
        </p>
        <Show when={b().configured && b().hasCustomer}>
          <button type="button" class="btn btn-secondary btn-sm" disabled={props.pending} onClick={() => props.onManage()}>
            {props.pending ? "Opening…" : "Update payment"}
          </button>
        </Show>
      </div>
    </Show>
  );
}

function PlanCard(props: { plan: PlanDto; billing: BillingDto; interval: BillingInterval; pending: boolean; busy: boolean; onChoose: () => void }) {
  const current = () => props.billing.plan === props.plan.id;
  const subscribed = () => props.billing.subscribedPlan !== "free" && !["canceled", "incomplete_expired", "none"].includes(props.billing.status);
  const offered = () => props.plan.intervals.includes(props.interval);
  const l = () => props.plan.limits;
  return (
    <article class="plan-card" classList={{ "plan-card-current": current() }} aria-label={`${props.plan.name} plan`}>
      <header class="plan-card-head">
        <h3 class="plan-name">{props.plan.name}</h3>
        <Show when={current()}>
          <span class="plan-badge">Current plan</span>
        </Show>
      </header>
      <ul class="plan-limits">
        <li>
          <strong>{bytes(l().storageBytes)}</strong> storage
        </li>
        <li>
          <strong>{l().projects}</strong> projects
        </li>
        <li>
          <strong>{l().membersPerProject}</strong> people per project{props.plan.seats ? " included, more as seats" : ""}
        </li>
        <li>
          Files up to <strong>{bytes(l().fileBytes)}</strong>
        </li>
      </ul>
      <Switch>
        <Match when={props.plan.id === "free"}>
          <p class="plan-note">{current() ? "What you have today." : "Where every account starts."}</p>
        </Match>
        <Match when={current() && subscribed()}>
          <p class="plan-note">Change period or seats in “Manage billing”.</p>
        </Match>
        <Match when={subscribed()}>
          <p class="plan-note">Switch plans in “Manage billing”.</p>
        </Match>
        <Match when={true}>
          <button
            type="button"
            class="btn btn-primary btn-block"
            aria-label={`Upgrade to ${props.plan.name}`}
            disabled={!props.billing.configured || !offered() || props.busy || !user()?.emailVerified}
            onClick={() => props.onChoose()}
          >
            {props.pending ? "Opening checkout…" : "Upgrade"}
          </button>
          <Show when={props.billing.configured && !offered()}>
            <p class="plan-note">Not offered {props.interval === "year" ? "yearly" : "monthly"} here.</p>
          </Show>
        </Match>
      </Switch>
    </article>
  );
}
