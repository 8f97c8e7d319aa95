"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";

// React Query is mounted by the pages that use it (the exercise page), not by the root layout, so the
// landing page and lessons do not download it. One client per browser tab, kept across navigations;
// one per request on the server, so users never share a cache.
let browserClient: QueryClient | undefined;

function makeClient(): QueryClient {
  // A 30 s stale time avoids refetching what the server just rendered.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}

function queryClient(): QueryClient {
  if (typeof window === "undefined") return makeClient();
  return (browserClient ??= makeClient());
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}

/**
 * A client component with React Query available, for forms that keep their request state in
 * useMutation on pages that mount no provider of their own. Every provider shares the tab's one client.
 */
export function withQueryClient<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithQueryClient(props: P) {
    return (
      <QueryProvider>
        <Component {...props} />
      </QueryProvider>
    );
  }
  WithQueryClient.displayName = `WithQueryClient(${Component.displayName ?? Component.name})`;
  return WithQueryClient;
}
