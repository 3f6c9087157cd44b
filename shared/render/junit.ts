/**
 * JUnit XML for CI test widgets: one testsuite per scanner, one testcase per gate rule. A failing rule is a
 * `<failure>`; an error or timeout is an `<error>`; a rule that only warns passes with its message in
 * `<system-out>`. A run without scanners gets one "run" testcase carrying the overall outcome.
 */
import type { GateReason, RunResult, ScannerResult } from '../core/result.js';
import { escapeXml, truncate } from './escape.js';
import { PRODUCT_ID, PRODUCT_NAME } from './format.js';

interface Case {
  name: string;
  outcome: 'pass' | 'warn' | 'failure' | 'error' | 'skipped';
  message: string;
  detail?: string;
}

const attr = (value: string, max = 1000): string => escapeXml(truncate(value, max));
const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0');

function caseOfReason(reason: GateReason): Case {
  const isError = reason.rule === 'error' || reason.rule === 'timeout';
  const outcome = reason.outcome === 'pass' ? 'pass' : reason.outcome === 'warn' ? 'warn' : isError ? 'error' : 'failure';
  const numbers = [
    reason.actual === undefined ? '' : `actual: ${reason.actual}`,
    reason.limit === undefined ? '' : `limit: ${reason.limit}`,
  ].filter((s) => s !== '');
  return { name: reason.rule, outcome, message: reason.message, ...(numbers.length > 0 ? { detail: numbers.join(', ') } : {}) };
}

function casesOf(s: ScannerResult): Case[] {
  const cases = s.reasons.map(caseOfReason);
  const explained = s.reasons.some((r) => r.rule === 'error' || r.rule === 'timeout');
  if ((s.status === 'error' || s.status === 'timeout') && !explained) {
    cases.push({ name: s.status, outcome: 'error', message: s.error ?? `The scan ended with status ${s.status}.` });
  }
  if (cases.length === 0) {
    cases.push(
      s.status === 'skipped'
        ? { name: 'gate', outcome: 'skipped', message: 'The scanner was skipped.' }
        : { name: 'gate', outcome: 'pass', message: 'No gate rule applied.' },
    );
  }
  return cases;
}

function runCase(result: RunResult): Case {
  const outcome =
    result.status === 'error' || result.status === 'timeout'
      ? 'error'
      : result.status === 'failed'
        ? 'failure'
        : result.status === 'skipped'
          ? 'skipped'
          : result.status === 'warned'
            ? 'warn'
            : 'pass';
  return { name: 'run', outcome, message: result.summary || `The run ended with status ${result.status}.` };
}

function caseXml(c: Case, classname: string): string {
  const open = `    <testcase classname="${attr(classname, 300)}" name="${attr(c.name, 200)}" time="0"`;
  const body = escapeXml(truncate(c.detail === undefined ? c.message : `${c.message}\n${c.detail}`, 10_000));
  switch (c.outcome) {
    case 'pass':
      return `${open}/>`;
    case 'warn':
      return `${open}>\n      <system-out>${escapeXml('warning: ')}${body}</system-out>\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${attr(c.message)}"/>\n    </testcase>`;
    case 'failure':
    case 'error':
      return `${open}>\n      <${c.outcome} message="${attr(c.message)}" type="${attr(c.name, 200)}">${body}</${c.outcome}>\n    </testcase>`;
  }
}

interface Suite {
  name: string;
  classname: string;
  cases: Case[];
  durationMs: number;
  timestamp: string;
}

const count = (cases: Case[], outcome: Case['outcome']): number => cases.filter((c) => c.outcome === outcome).length;

function suiteXml(suite: Suite): string {
  const { cases } = suite;
  const head =
    `  <testsuite name="${attr(suite.name, 300)}" tests="${cases.length}" failures="${count(cases, 'failure')}"` +
    ` errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}" time="${seconds(suite.durationMs)}"` +
    ` timestamp="${attr(suite.timestamp, 40)}">`;
  return [head, ...cases.map((c) => caseXml(c, suite.classname)), '  </testsuite>'].join('\n');
}

export function renderJunit(result: RunResult): string {
  const suites: Suite[] =
    result.scanners.length === 0
      ? [{ name: PRODUCT_NAME, classname: PRODUCT_ID, cases: [runCase(result)], durationMs: 0, timestamp: result.startedAt }]
      : result.scanners.map((s) => ({
          name: `${PRODUCT_NAME}: ${s.scanner}`,
          classname: `${PRODUCT_ID}.${s.scanner}`,
          cases: casesOf(s),
          durationMs: s.timings.durationMs,
          timestamp: s.timings.startedAt,
        }));
  const all = suites.flatMap((s) => s.cases);
  const totalMs = suites.reduce((sum, s) => sum + (Number.isFinite(s.durationMs) ? s.durationMs : 0), 0);
  const head =
    `<testsuites name="${attr(PRODUCT_NAME)}" tests="${all.length}" failures="${count(all, 'failure')}"` +
    ` errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="${seconds(totalMs)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map(suiteXml), '</testsuites>', ''].join('\n');
}
