import { NextResponse } from "next/server";
import { createTopicSchema } from "@/lib/validation/topics";
import { createTopic, listOwnTopics } from "@/lib/server/dal/topics";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireTeacher();
  return NextResponse.json({ topics: await listOwnTopics(user) });
});

export const POST = route(async (request: Request) => {
  const user = await requireTeacher();
  const input = await parseJsonBody(request, createTopicSchema);
  return NextResponse.json({ topic: await createTopic(user, input) }, { status: 201 });
});
