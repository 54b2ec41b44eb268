import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The labs of a course, read from its folder the way lib/content lays it out
 * (`NN-module/NN-lesson/{lesson.mdx,lab.yaml,solutions/<exercise>.sh}`, `NN-` dropped from
 * slugs). Plain fs + yaml: the Playwright runner does not load the MDX toolchain.
 */

export type LabExercise = { id: string; title: string; taskCount: number; solution: string };
export type CourseLab = {
  moduleSlug: string;
  lessonSlug: string;
  lessonTitle: string;
  href: string;
  exercises: LabExercise[];
};

const slug = (folder: string) => folder.replace(/^\d+-/, '');
const numbered = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d+-/.test(d.name))
    .map((d) => d.name)
    .sort();

function frontmatterTitle(file: string): string {
  const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  const title = (m ? (parse(m[1]!) as { title?: unknown }) : {}).title;
  if (typeof title !== 'string') throw new Error(`${file}: no title in the frontmatter`);
  return title;
}

/** Every lesson with exercises, grouped by module in course order. */
export function listCourseLabs(courseDir: string, courseSlug: string): Map<string, CourseLab[]> {
  const byModule = new Map<string, CourseLab[]>();
  for (const mod of numbered(courseDir)) {
    const labs: CourseLab[] = [];
    for (const lesson of numbered(path.join(courseDir, mod))) {
      const dir = path.join(courseDir, mod, lesson);
      const labFile = path.join(dir, 'lab.yaml');
      if (!existsSync(labFile)) continue;
      const lab = parse(readFileSync(labFile, 'utf8')) as { exercises?: { id: string; title: string; tasks?: unknown[] }[] };
      const exercises = (lab?.exercises ?? []).map((e) => ({
        id: e.id,
        title: e.title,
        taskCount: e.tasks?.length ?? 0,
        solution: readFileSync(path.join(dir, 'solutions', `${e.id}.sh`), 'utf8'),
      }));
      if (exercises.length === 0) continue;
      labs.push({
        moduleSlug: slug(mod),
        lessonSlug: slug(lesson),
        lessonTitle: frontmatterTitle(path.join(dir, 'lesson.mdx')),
        href: `/courses/${courseSlug}/${slug(lesson)}`,
        exercises,
      });
    }
    byModule.set(slug(mod), labs);
  }
  return byModule;
}

/** The cheapest lab of each module that has one: fewest exercises, then course order. */
export function oneLabPerModule(byModule: Map<string, CourseLab[]>): CourseLab[] {
  return [...byModule.values()]
    .filter((labs) => labs.length > 0)
    .map((labs) => labs.reduce((best, lab) => (lab.exercises.length < best.exercises.length ? lab : best)));
}

/**
 * A solution script as the command lines a learner types: each line is typed as is (heredoc
 * bodies included); comment and blank lines outside heredocs are left out. One entry per
 * command, a heredoc command with its body and terminator.
 */
export function commandsOf(script: string): string[][] {
  const commands: string[][] = [];
  let heredoc: { end: string; strip: boolean; lines: string[] } | null = null;
  let continued: string[] | null = null; // lines ending in `\`
  for (const line of script.replace(/\r\n?/g, '\n').split('\n')) {
    if (continued) {
      continued.push(line);
      if (!line.endsWith('\\')) {
        commands.push(continued);
        continued = null;
      }
      continue;
    }
    if (heredoc) {
      heredoc.lines.push(line);
      if ((heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.end) {
        commands.push(heredoc.lines);
        heredoc = null;
      }
      continue;
    }
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const open = /<<(-?)\s*(['"]?)([A-Za-z_][\w]*)\2/.exec(line);
    if (open) heredoc = { end: open[3]!, strip: open[1] === '-', lines: [line] };
    else if (line.endsWith('\\')) continued = [line];
    else commands.push([line]);
  }
  if (heredoc) throw new Error(`unterminated heredoc ${heredoc.end}`);
  return commands;
}
