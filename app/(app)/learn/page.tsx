import type { Metadata } from "next";
import { LessonList } from "@/components/lessons/lesson-list";
import { listLessonMetas } from "@/lib/lessons/load";

export const metadata: Metadata = {
  title: "Learn",
  description: "Eight concept lessons on processes, threads, scheduling and concurrency, each with live simulations.",
};

export default function LearnIndexPage() {
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Learn</h1>
        <p className="mt-2 text-muted-foreground">
          Eight short lessons, in order. Each gives the classic interview answer and what is true on a current kernel,
          with live simulations you can change, the points to cover, and the wrong answers to avoid.
        </p>
      </header>
      <LessonList lessons={listLessonMetas()} />
    </div>
  );
}
