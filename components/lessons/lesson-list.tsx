import Link from "next/link";
import type { LessonMeta } from "@/lib/lessons/types";

/** The lessons index: every lesson in order, each with a link to practise its topic. */
export function LessonList({ lessons }: { lessons: LessonMeta[] }) {
  return (
    <ol className="flex flex-col gap-4" aria-label="Lessons">
      {lessons.map((lesson) => (
        <li key={lesson.slug} className="rounded-lg border border-border bg-card p-5">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-mono text-sm text-muted-foreground" aria-hidden="true">
              {String(lesson.order).padStart(2, "0")}
            </span>
            <h2 className="text-lg font-semibold">
              <Link href={`/learn/${lesson.slug}`} className="hover:underline">
                {lesson.title}
              </Link>
            </h2>
            <span className="text-sm text-muted-foreground">{lesson.minutes} min read</span>
          </div>
          <p className="mt-2 text-sm text-muted-foreground">{lesson.summary}</p>
          <p className="mt-3 text-sm">
            <Link href={`/practice/${lesson.slug}`} className="font-medium text-primary hover:underline">
              Practise this topic<span className="sr-only">: {lesson.title}</span> →
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
