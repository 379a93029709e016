import { A } from "@solidjs/router";
import { AuthLayout } from "../components/AuthLayout";
import { user } from "../stores/session";

export default function NotFound() {
  return (
    <AuthLayout title="Page not found" subtitle="The address may be mistyped, or the page has moved.">
      <A href={user() ? "/projects" : "/login"} class="btn btn-primary btn-block">
        {user() ? "Go to your projects" : "Go to sign in"}
      </A>
    </AuthLayout>
  );
}
