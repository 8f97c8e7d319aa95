"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { apiJson, errorMessage } from "@/lib/api/client";
import { buttonClasses } from "@/components/ui/button";

interface Topic {
  slug: string;
  name: string;
  description: string;
  questions?: number;
}

const inputClass = "min-h-10 rounded-md border border-border bg-background px-3";

/** Creates, renames and deletes the lecturer's own topics through /api/teach/topics. */
export function TopicManager({
  initial,
  builtIn,
}: {
  initial: Topic[];
  builtIn: readonly { slug: string; name: string }[];
}) {
  const router = useRouter();
  const id = useId();
  const [slug, setSlug] = useState("");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
        aria-label="New topic"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await apiJson("/api/teach/topics", { method: "POST", body: { slug, name, description } });
            setSlug("");
            setName("");
            setDescription("");
          });
        }}
      >
        <h2 className="font-semibold">New topic</h2>
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-name`}>
          Name
          <input id={`${id}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-slug`}>
          Slug (lowercase letters, digits and dashes; used in links and question files)
          <input id={`${id}-slug`} className={inputClass} value={slug} onChange={(e) => setSlug(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-description`}>
          Description
          <input
            id={`${id}-description`}
            className={inputClass}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <button type="submit" className={buttonClasses("primary")} disabled={busy}>
          Create topic
        </button>
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
      </form>
      {initial.length === 0 ? (
        <p className="text-sm text-muted-foreground">You have no topics of your own yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Your topics">
          {initial.map((t) => (
            <TopicRow
              key={t.slug}
              topic={t}
              others={[...builtIn, ...initial.filter((o) => o.slug !== t.slug)]}
              run={run}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function TopicRow({
  topic,
  others,
  run,
}: {
  topic: Topic;
  others: readonly { slug: string; name: string }[];
  run: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const id = useId();
  const [name, setName] = useState(topic.name);
  const [moveTo, setMoveTo] = useState(others[0]?.slug ?? "");
  const path = `/api/teach/topics/${encodeURIComponent(topic.slug)}`;
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4" data-testid={`topic-${topic.slug}`}>
      <p className="font-medium">
        {topic.name} <span className="font-mono text-xs text-muted-foreground">{topic.slug}</span>
      </p>
      {topic.description ? <p className="text-sm">{topic.description}</p> : null}
      <p className="text-sm text-muted-foreground">
        {topic.questions ?? 0} question{topic.questions === 1 ? "" : "s"}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-name`}>
          Rename to
          <input id={`${id}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button
          type="button"
          className={buttonClasses("secondary")}
          onClick={() => void run(() => apiJson(path, { method: "PATCH", body: { name } }))}
        >
          Rename
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-move`}>
          Move its questions to
          <select id={`${id}-move`} className={inputClass} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
            {others.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={buttonClasses("danger")}
          onClick={() => void run(() => apiJson(path, { method: "DELETE", body: { moveTo } }))}
        >
          Delete topic
        </button>
      </div>
    </li>
  );
}
