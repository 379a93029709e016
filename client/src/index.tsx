// Entry: styles, the router, the toast region, and the first /api/me.
import { Router, type RouteSectionProps } from "@solidjs/router";
import { Suspense } from "solid-js";
import { render } from "solid-js/web";
import { Toaster } from "./components/Toaster";
import { AppRoutes } from "./routes";
import { loadSession } from "./stores/session";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/layout.css";

function Root(props: RouteSectionProps) {
  return (
    <>
      <Suspense fallback={<div class="page-loading" role="status" aria-label="Loading" />}>{props.children}</Suspense>
      <Toaster />
    </>
  );
}

void loadSession();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
render(
  () => (
    <Router root={Root}>
      <AppRoutes />
    </Router>
  ),
  root,
);
