// The route table. Every page is its own lazy chunk; the shell wraps the signed-in ones.
import { Navigate, Route } from "@solidjs/router";
import { lazy } from "solid-js";
import { AppShell } from "./components/AppShell";

const Login = lazy(() => import("./pages/Login"));
const Signup = lazy(() => import("./pages/Signup"));
const ForgotPassword = lazy(() => import("./pages/ForgotPassword"));
const ResetPassword = lazy(() => import("./pages/ResetPassword"));
const Verify = lazy(() => import("./pages/Verify"));
const Invite = lazy(() => import("./pages/Invite"));
const Projects = lazy(() => import("./pages/Projects"));
const Library = lazy(() => import("./pages/Library"));
const ProjectSettings = lazy(() => import("./pages/ProjectSettings"));
const Tokens = lazy(() => import("./pages/Tokens"));
const Billing = lazy(() => import("./pages/Billing"));
const Reader = lazy(() => import("./pages/Reader"));
const CitationGraph = lazy(() => import("./pages/CitationGraph"));
const Search = lazy(() => import("./pages/Search"));
const NotFound = lazy(() => import("./pages/NotFound"));

export function AppRoutes() {
  return (
    <>
      <Route path="/login" component={Login} />
      <Route path="/signup" component={Signup} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/verify" component={Verify} />
      <Route path="/invites/:token" component={Invite} />
      <Route path="/" component={() => <Navigate href="/projects" />} />
      <Route component={AppShell}>
        <Route path="/projects" component={Projects} />
        <Route path="/projects/:projectId" component={Library} />
        <Route path="/projects/:projectId/settings" component={ProjectSettings} />
        <Route path="/projects/:projectId/papers/:documentId" component={Reader} />
        <Route path="/projects/:projectId/search" component={Search} />
        <Route path="/projects/:projectId/graph" component={CitationGraph} />
        <Route path="/settings/tokens" component={Tokens} />
        <Route path="/billing" component={Billing} />
      </Route>
      <Route path="*404" component={NotFound} />
    </>
  );
}
