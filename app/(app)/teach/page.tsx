import type { Metadata } from "next";
import Link from "next/link";
import { BankImport } from "@/components/teach/bank-import";
import { QuestionActions } from "@/components/teach/question-actions";
import { buttonClasses } from "@/components/ui/button";
import { QUESTION_TYPES } from "@/lib/engine";
import { listBankQuestions } from "@/lib/server/dal/authoring";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { listOwnTopics } from "@/lib/server/dal/topics";
import { isAdmin } from "@/lib/roles";
import { TOPICS, topicBySlug } from "@/lib/topics";
import { bankFilterFromPage } from "@/lib/validation/questions";

export const metadata: Metadata = { title: "Question bank" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = "min-h-10 rounded-md border border-border bg-card px-2 text-sm";

export default async function TeachPage({ searchParams }: Props) {
  const user = await requirePageTeacher("/teach");
  const filter = bankFilterFromPage(await searchParams);
  const [questions, ownTopics] = await Promise.all([listBankQuestions(user, filter), listOwnTopics(user)]);
  const ownTopicNames = new Map(ownTopics.map((t) => [t.slug, t.name]));
  const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
  const exportHref = (format: string) =>
    `/api/teach/questions/export?${new URLSearchParams([...query.entries(), ["format", format]])}`;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Teaching" className="flex flex-wrap gap-4 text-sm">
        <span className="font-medium">Question bank</span>
        <Link href="/teach/classes" className="text-primary underline">
          Classes and analytics
        </Link>
        <Link href="/teach/reports" className="text-primary underline">
          Problem reports
        </Link>
        <Link href="/teach/topics" className="text-primary underline">
          Topics
        </Link>
        <Link href="/teach/invites" className="text-primary underline">
          Invite an instructor
        </Link>
        <Link href="/teach/print" className="text-primary underline">
          Print and share
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">Question bank</h1>
        <Link href="/teach/questions/new" className={buttonClasses("primary")}>
          New question
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">
        The built-in questions and {isAdmin(user) ? "everyone's" : "your own"}. Built-in questions can be duplicated and
        then edited.
      </p>

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter questions">
        <label className="flex flex-col gap-1 text-sm">
          Search
          <input
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder="title or slug"
            className="min-h-10 rounded-md border border-border bg-card px-3"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Topic
          <select name="topic" defaultValue={filter.topic ?? ""} className={selectClass}>
            <option value="">any</option>
            {TOPICS.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.short}
              </option>
            ))}
            {ownTopics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Type
          <select name="type" defaultValue={filter.type ?? ""} className={selectClass}>
            <option value="">any</option>
            {QUESTION_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Tag
          <input
            name="tag"
            defaultValue={filter.tag ?? ""}
            className="min-h-10 w-28 rounded-md border border-border bg-card px-3"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Difficulty
          <select
            name="difficulty"
            defaultValue={filter.difficulty ? String(filter.difficulty) : ""}
            className={selectClass}
          >
            <option value="">any</option>
            {[1, 2, 3, 4, 5].map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Status
          <select name="status" defaultValue={filter.status ?? ""} className={selectClass}>
            <option value="">any</option>
            <option value="DRAFT">draft</option>
            <option value="PUBLISHED">published</option>
            <option value="ARCHIVED">archived</option>
          </select>
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
      </form>

      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Questions">
          <thead>
            <tr className="text-muted-foreground">
              <th className="py-2 font-medium">Title</th>
              <th className="py-2 font-medium">Topic</th>
              <th className="py-2 font-medium">Type</th>
              <th className="py-2 font-medium">Difficulty</th>
              <th className="py-2 font-medium">Status</th>
              <th className="py-2 font-medium">Actions</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr key={q.id} className="border-t border-border align-top">
                <td className="py-2">
                  <Link href={`/teach/questions/${q.id}`} className="font-medium underline">
                    {q.title}
                  </Link>
                  <div className="text-xs text-muted-foreground">
                    {q.slug} · v{q.currentVersion}
                    {q.builtIn ? " · built-in" : q.mine ? " · yours" : ""}
                    {q.tags.length ? ` · ${q.tags.join(", ")}` : ""}
                  </div>
                </td>
                <td className="py-2">{topicBySlug(q.topic)?.short ?? ownTopicNames.get(q.topic) ?? q.topic}</td>
                <td className="py-2">{q.type}</td>
                <td className="py-2">{q.difficulty}</td>
                <td className="py-2">{q.status.toLowerCase()}</td>
                <td className="py-2">
                  <QuestionActions id={q.id} status={q.status} editable={q.editable} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {questions.length === 0 ? <p className="py-4 text-sm text-muted-foreground">No questions match.</p> : null}
      </div>

      <section
        aria-labelledby="exchange-heading"
        className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
      >
        <h2 id="exchange-heading" className="font-semibold">
          Import and export
        </h2>
        <p className="text-sm text-muted-foreground">
          Exports cover the questions listed above. JSON keeps everything and imports back; Moodle XML and GIFT keep
          what those formats can carry, listed per question before you download.
        </p>
        <div className="flex flex-wrap gap-3">
          <a href={exportHref("json")} className={buttonClasses("secondary")} download>
            Export JSON
          </a>
          <Link href={`/teach/export${query.size ? `?${query}` : ""}`} className={buttonClasses("secondary")}>
            Export to Moodle XML or GIFT…
          </Link>
        </div>
        <BankImport />
      </section>
    </div>
  );
}
