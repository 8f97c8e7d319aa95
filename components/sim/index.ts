// The answer and replay components; import from "@/components/sim".
export { AnswerForm, type AnswerFormProps } from "./answer-form";
export { ChoiceAnswer, type ChoiceAnswerProps } from "./choice-answer";
export { ExhibitView } from "./exhibit-view";
export { GanttChart, type GanttChartProps } from "./gantt-chart";
export { GradeView, type GradeViewProps } from "./grade-view";
export { NumberAnswer, type NumberAnswerProps } from "./number-answer";
export { PromptText } from "./prompt-text";
export { ReadyQueueTable } from "./ready-queue-table";
export { ReorderList, type ReorderListProps } from "./reorder-list";
export { ReplayViewer, type ReplayViewerProps } from "./replay-viewer";
export { TimelineEditor, type TimelineEditorProps } from "./timeline-editor";
export { timelineToSlices, type ChartSlice } from "./gantt-model";
export { readReplay, type ReplayData } from "./replay-model";
export { QuestionView, type QuestionViewProps } from "./question-view";
