/**
 * Every command of `tonghop`, in the order the help lists them. Adding a
 * command: declare it in a file of this folder (command.ts CommandDecl:
 * name, usage, summary, description, options, run) and add it here; its
 * parsing, its help and the "did you mean" suggestions follow.
 *
 * Every run loads every declaration, so a declaration imports only what its
 * options and help need; what a command does is loaded when it runs
 * (`await import(…)`): a compile then does not load the national list, the
 * one-stop export's reader or the letters (about 20 ms of every run,
 * `npm run bench`).
 */
import type { CommandDecl } from '../command';
import { check } from './check';
import { compile } from './compile';
import { feedback } from './feedback';
import { plan } from './plan';
import { report } from './report';
import { template } from './template';
import { tthc } from './tthc';

export const COMMANDS: readonly CommandDecl[] = [compile, check, plan, template, report, feedback, tthc];
