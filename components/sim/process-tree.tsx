"use client";

// The fork-tree answer (issue #14, item 6): build the process tree with buttons and selects, which
// work the same with a pointer and with the keyboard (Tab to a control, Enter or Space to press it,
// arrow keys in a select); and a read-only drawing for the grade view, each node marked against the
// true tree.
import { useEffect, useId, useRef } from "react";
import type { NodeMark, TreeNode, TreePart } from "@/lib/engine/questions";
import { cn } from "@/lib/utils";
import { addChild, childrenOf, forkPath, removeSubtree, setLabel } from "./process-tree-model";

export interface ProcessTreeBuilderProps {
  part: TreePart;
  value: TreeNode[];
  onChange: (value: TreeNode[]) => void;
  disabled?: boolean;
  errors?: string[];
}

function labelText(part: TreePart, id: string): string {
  if (part.rootLabel && id === part.rootLabel.id) return part.rootLabel.label;
  return part.labels.find((l) => l.id === id)?.label ?? "(no label yet)";
}

export function ProcessTreeBuilder({ part, value, onChange, disabled = false, errors = [] }: ProcessTreeBuilderProps) {
  const id = useId();
  // After adding a process, its label select takes the focus, so the keyboard flow is Enter, then arrows.
  const focusAfter = useRef<{ index: number; what: "label" | "add" } | null>(null);
  const refs = useRef(new Map<string, HTMLElement>());
  // Runs after every render: the node asked for exists only once the new value has been drawn.
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    refs.current.get(`${f.what}-${f.index}`)?.focus();
  });
  const full = value.length >= part.maxNodes;

  const node = (i: number) => {
    const n = value[i]!;
    const kids = childrenOf(value, i);
    const path = forkPath(part, value, i);
    const fixed = i === 0 && part.rootLabel !== undefined;
    return (
      <li key={i} className="flex flex-col gap-1" data-testid={`tree-node-${i + 1}`}>
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-card px-2 py-1">
          <span className="text-sm font-medium">Process {i + 1}</span>
          {fixed ? (
            <span className="text-sm text-muted-foreground">{part.rootLabel!.label}</span>
          ) : (
            <select
              ref={(el) => {
                if (el) refs.current.set(`label-${i}`, el);
                else refs.current.delete(`label-${i}`);
              }}
              aria-label={`Label of process ${i + 1}`}
              value={n.label}
              disabled={disabled}
              onChange={(e) => onChange(setLabel(value, i, e.target.value))}
              className={cn(
                "min-h-9 rounded-md border bg-card px-2 text-sm",
                n.label === "" ? "border-warning" : "border-border",
              )}
            >
              <option value="">Choose a label…</option>
              {part.labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          )}
          {path ? <span className="font-mono text-xs text-muted-foreground">path {path}</span> : null}
          <button
            type="button"
            ref={(el) => {
              if (el) refs.current.set(`add-${i}`, el);
              else refs.current.delete(`add-${i}`);
            }}
            disabled={disabled || full}
            onClick={() => {
              onChange(addChild(value, i));
              focusAfter.current = { index: value.length, what: part.labels.length > 0 ? "label" : "add" };
            }}
            className="min-h-9 rounded-md border border-border px-2 text-sm hover:bg-muted disabled:opacity-50"
          >
            Add child<span className="sr-only"> under process {i + 1}</span>
          </button>
          {i > 0 ? (
            <button
              type="button"
              disabled={disabled}
              onClick={() => {
                onChange(removeSubtree(value, i));
                focusAfter.current = { index: n.parent, what: "add" };
              }}
              className="min-h-9 rounded-md border border-border px-2 text-sm hover:bg-muted disabled:opacity-50"
            >
              Remove
              <span className="sr-only">
                {" "}
                process {i + 1}
                {kids.length ? " and the processes under it" : ""}
              </span>
            </button>
          ) : null}
        </div>
        {kids.length > 0 ? (
          <ul className="ml-6 flex flex-col gap-1 border-l border-border pl-3">{kids.map(node)}</ul>
        ) : null}
      </li>
    );
  };

  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={`${id}-help${errors.length ? ` ${id}-error` : ""}`}
      data-slot="tree-answer"
    >
      <legend className="mb-1 text-sm font-medium">{part.label}</legend>
      <p id={`${id}-help`} className="text-sm text-muted-foreground">
        “Add child” puts a new process under that one; choose its label from the list. {value.length} of at most{" "}
        {part.maxNodes} processes drawn.
      </p>
      <ul aria-label="Your process tree" className="flex flex-col gap-1">
        {node(0)}
      </ul>
      {errors.length ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

const MARK_WORDS: Record<NodeMark, string> = {
  right: "right",
  label: "wrong label",
  extra: "not in the program's tree",
  missing: "missing from your tree",
};

/** A drawn tree, read-only, each process marked (right, wrong label, extra or missing). */
export function ProcessTreeDiagram({
  part,
  nodes,
  marks,
  title,
  testId,
}: {
  part: TreePart;
  nodes: readonly TreeNode[];
  marks?: readonly NodeMark[];
  title: string;
  testId: string;
}) {
  const node = (i: number) => {
    const mark = marks?.[i];
    const path = forkPath(part, nodes, i);
    return (
      <li key={i} className="flex flex-col gap-1">
        <div
          className={cn(
            "flex flex-wrap items-center gap-2 rounded-md border px-2 py-1 text-sm",
            mark === "right"
              ? "border-success/60"
              : mark === "label"
                ? "border-warning"
                : mark
                  ? "border-danger"
                  : "border-border",
          )}
        >
          <span>{labelText(part, nodes[i]!.label)}</span>
          {path ? <span className="font-mono text-xs text-muted-foreground">path {path}</span> : null}
          {mark && mark !== "right" ? <span className="text-xs font-medium">({MARK_WORDS[mark]})</span> : null}
        </div>
        {childrenOf(nodes, i).length > 0 ? (
          <ul className="ml-5 flex flex-col gap-1 border-l border-border pl-3">{childrenOf(nodes, i).map(node)}</ul>
        ) : null}
      </li>
    );
  };
  return (
    <div className="flex flex-col gap-1" data-testid={testId}>
      <p className="text-sm font-medium">{title}</p>
      <ul aria-label={title} className="flex flex-col gap-1">
        {nodes.length > 0 ? node(0) : null}
      </ul>
    </div>
  );
}
