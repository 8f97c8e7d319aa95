import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChecklistMemory } from "@/components/lessons/checklist-memory";
import { LessonArticle } from "@/components/lessons/lesson-article";
import { easiestTemplates } from "@/lib/bank";
import { listLessonMetas, loadLesson } from "@/lib/lessons/load";
import { LESSON_SLUGS } from "@/lib/lessons/registry";

// One page per lesson, prerendered from generateStaticParams; unknown slugs are a 404. Lessons are open:
// no sign-in check here (practice needs an account, reading does not).
export const dynamicParams = false;

export function generateStaticParams() {
  return LESSON_SLUGS.map((slug) => ({ slug }));
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = loadLesson((await params).slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const lesson = loadLesson((await params).slug);
  if (!lesson) notFound();
  const metas = listLessonMetas();
  const index = metas.findIndex((m) => m.slug === lesson.meta.slug);
  const prev = metas[index - 1];
  const next = metas[index + 1];
  const practise = easiestTemplates(lesson.meta.slug, 3);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/learn" className="hover:underline">
          Learn
        </Link>{" "}
        <span aria-hidden="true">/</span> Lesson {lesson.meta.order} of {metas.length}
      </nav>
      <header>
        <h1 className="text-3xl font-bold leading-tight">{lesson.meta.title}</h1>
        <p className="mt-2 text-muted-foreground">{lesson.meta.summary}</p>
        <p className="mt-2 text-sm text-muted-foreground">
          {lesson.meta.minutes} min read ·{" "}
          <Link href={`/practice/${lesson.meta.slug}`} className="font-medium text-primary hover:underline">
            Practise this topic
          </Link>
        </p>
      </header>
      <LessonArticle lesson={lesson} />
      <ChecklistMemory slug={lesson.meta.slug} />
      {practise.length > 0 && (
        <section aria-labelledby="practise-now" className="rounded-lg border border-border bg-card p-4">
          <h2 id="practise-now" className="text-lg font-semibold">
            Practise now
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            The easiest questions on this lesson, to try what you just read:
          </p>
          <ul className="mt-2 flex flex-col gap-1">
            {practise.map((t) => (
              <li key={t.slug}>
                <Link href={`/practice/q/${t.slug}`} className="text-primary hover:underline">
                  {t.title}
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href={`/practice/${lesson.meta.slug}`} className="text-primary hover:underline">
              All questions on this topic →
            </Link>
          </p>
        </section>
      )}
      <nav
        aria-label="Lessons"
        className="mt-6 flex flex-wrap justify-between gap-3 border-t border-border pt-4 text-sm"
      >
        {prev ? (
          <Link href={`/learn/${prev.slug}`} className="text-primary hover:underline">
            ← {prev.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/learn/${next.slug}`} className="text-primary hover:underline">
            {next.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
