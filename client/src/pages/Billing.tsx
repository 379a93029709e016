// Placeholder until plans and checkout arrive.
import { EmptyState } from "../components/States";
import { user } from "../stores/session";

export default function Billing() {
  return (
    <div class="page page-narrow">
      <header class="page-header">
        <div>
          <h1 class="page-title">Plans and billing</h1>
          <p class="page-subtitle">
            You are on the <strong>{user()?.plan ?? "free"}</strong> plan.
          </p>
        </div>
      </header>
      <EmptyState icon="card" title="Plans and billing are coming">
        Researcher and Lab plans with more storage and members will be available here soon. Everything you use today stays free.
      </EmptyState>
    </div>
  );
}
