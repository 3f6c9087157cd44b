/** An `ActionsToolkit` for `runAction` in-process that records every log line, output, summary and mask. */
import type { ActionsToolkit, AnnotationProps } from '../../actions/github/toolkit.js';

export interface Recorded {
  kind: string;
  message: string;
  props?: AnnotationProps;
}

export function recordingToolkit(): { toolkit: ActionsToolkit; log: Recorded[]; outputs: Record<string, string>; summary: string[]; secrets: string[] } {
  const log: Recorded[] = [];
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  const secrets: string[] = [];
  const line = (kind: string) => (message: string, props?: AnnotationProps) => {
    log.push({ kind, message, ...(props ? { props } : {}) });
  };
  return {
    log,
    outputs,
    summary,
    secrets,
    toolkit: {
      setSecret: (v) => secrets.push(v),
      setOutput: (n, v) => (outputs[n] = v),
      debug: line('debug'),
      info: line('info'),
      notice: line('notice'),
      warning: line('warning'),
      error: line('error'),
      appendSummary: (md) => {
        summary.push(md);
        return Promise.resolve(true);
      },
    },
  };
}
