// The frame of the signed-out pages: a calm centred card under the wordmark.
import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { Show } from "solid-js";
import { Logo } from "./Icon";

export function AuthLayout(props: { title: string; subtitle?: JSX.Element; children: JSX.Element; footer?: JSX.Element }) {
  return (
    <div class="auth-page">
      <main class="auth-main">
        <A href="/" class="auth-brand" aria-label="Scrollkeeper home">
          <Logo size={28} />
          <span class="wordmark">Scrollkeeper</span>
        </A>
        <section class="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" class="auth-title">
            {props.title}
          </h1>
          <Show when={props.subtitle}>
            <p class="auth-subtitle">{props.subtitle}</p>
          </Show>
          {props.children}
        </section>
        <Show when={props.footer}>
          <p class="auth-footer">{props.footer}</p>
        </Show>
      </main>
    </div>
  );
}
