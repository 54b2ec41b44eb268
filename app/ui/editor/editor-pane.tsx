'use client';

import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  type ClientMessage,
  LAB_FS_REQUEST_EVENT,
  LAB_HOME,
  LAB_RUN_EVENT,
  LAB_SERVER_EVENT,
  type LabFileInfo,
  type LabRunDetail,
  MAX_EDITOR_FILE_BYTES,
  type ServerMessage,
} from '@/lib/terminal/protocol';
import type { EditorRequest } from './editor-request';
import { homePath, isYamlPath, uniquePath, yamlProblems } from './yaml-tools';
import styles from './editor.module.css';
import { FileList } from './file-list';

interface TabInfo {
  path: string;
  dirty: boolean;
  /** Not on the lab yet (saving creates it). */
  isNew: boolean;
  /** The file changed in the lab while this tab had unsaved edits: the lab's content (null: deleted). */
  conflict?: string | null;
}

type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | null;

const display = (path: string) => (path.startsWith(`${LAB_HOME}/`) ? `~/${path.slice(LAB_HOME.length + 1)}` : path);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const send = (m: ClientMessage) => window.dispatchEvent(new CustomEvent(LAB_FS_REQUEST_EVENT, { detail: m }));

const yamlLinter = linter(
  (view): Diagnostic[] =>
    yamlProblems(view.state.doc.toString()).map((p) => ({ ...p, message: `YAML 문법 오류: ${p.message}`, source: 'yaml' })),
  { delay: 300 },
);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: '"D2Coding", "Menlo", "Consolas", "Liberation Mono", monospace', lineHeight: '1.5' },
});

/**
 * The YAML editor pane: files of the lab's home directory in tabs, saved over the terminal's
 * socket (Ctrl-S / 저장), with YAML highlighting and syntax-error marks. Files changed by shell
 * commands refresh here, or raise a conflict notice when the tab has unsaved edits.
 */
export function EditorPane({
  request,
  active,
  onDirtyChange,
}: {
  request: EditorRequest | null;
  active: boolean;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const states = useRef(new Map<string, EditorState>());
  /** What the lab holds for each open file (null: not in the lab). */
  const bases = useRef(new Map<string, string | null>());
  const saving = useRef(new Map<string, string>());
  const pendingOpen = useRef(new Set<string>());
  const current = useRef<string | null>(null);
  const tabsRef = useRef<TabInfo[]>([]);
  const filesRef = useRef<LabFileInfo[]>([]);
  const [tabs, setTabsState] = useState<TabInfo[]>([]);
  const [files, setFilesState] = useState<LabFileInfo[]>([]);
  const [currentPath, setCurrentPath] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const saveRef = useRef<() => void>(() => {});

  const setTabs = useCallback((fn: (tabs: TabInfo[]) => TabInfo[]) => {
    tabsRef.current = fn(tabsRef.current);
    setTabsState(tabsRef.current);
  }, []);
  const patchTab = useCallback(
    (path: string, patch: Partial<TabInfo>) => setTabs((ts) => ts.map((t) => (t.path === path ? { ...t, ...patch } : t))),
    [setTabs],
  );
  const setFiles = (list: LabFileInfo[]) => {
    filesRef.current = list;
    setFilesState(list);
  };

  const stateOf = (path: string) => (path === current.current && view.current ? view.current.state : states.current.get(path));
  const isDirty = (path: string, doc: string) => {
    const base = bases.current.get(path);
    return base == null ? doc.length > 0 : doc !== base;
  };
  const refreshDirty = (path: string) => {
    const st = stateOf(path);
    if (st) patchTab(path, { dirty: isDirty(path, st.doc.toString()), isNew: bases.current.get(path) == null });
  };

  function makeState(path: string, doc: string): EditorState {
    return EditorState.create({
      doc,
      extensions: [
        basicSetup,
        Prec.highest(keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (saveRef.current(), true) }])),
        ...(isYamlPath(path) ? [yaml(), yamlLinter, lintGutter()] : []),
        theme,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) {
            const dirty = isDirty(path, u.state.doc.toString());
            if (tabsRef.current.find((t) => t.path === path)?.dirty !== dirty) patchTab(path, { dirty });
          }
        }),
      ],
    });
  }

  function activate(path: string | null) {
    const v = view.current;
    if (!v) return;
    if (current.current) states.current.set(current.current, v.state);
    current.current = path;
    setCurrentPath(path);
    if (path) {
      v.setState(states.current.get(path) ?? makeState(path, ''));
      requestAnimationFrame(() => v.focus());
    }
  }

  function addTab(path: string, doc: string, base: string | null) {
    bases.current.set(path, base);
    states.current.set(path, makeState(path, doc));
    setTabs((ts) => [...ts.filter((t) => t.path !== path), { path, dirty: isDirty(path, doc), isNew: base === null }]);
    activate(path);
  }

  function replaceDoc(path: string, text: string) {
    const st = stateOf(path);
    if (!st) return;
    const next = st.update({ changes: { from: 0, to: st.doc.length, insert: text } });
    if (path === current.current && view.current) view.current.dispatch(next);
    else states.current.set(path, next.state);
  }

  function openPath(path: string) {
    if (tabsRef.current.some((t) => t.path === path)) return activate(path);
    pendingOpen.current.add(path);
    send({ t: 'fs-read', path });
  }

  function openText(text: string, name = 'manifest.yaml') {
    const same = tabsRef.current.find((t) => stateOf(t.path)?.doc.toString() === text);
    if (same) return activate(same.path);
    const taken = (p: string) => filesRef.current.some((f) => f.path === p) || tabsRef.current.some((t) => t.path === p);
    const path = uniquePath(LAB_HOME, name, taken);
    addTab(path, text, null);
    setNotice({ kind: 'info', text: `새 파일입니다. 저장(Ctrl-S)하면 ${display(path)} 파일로 만들어집니다.` });
  }

  /** The lab's content of an open file arrived (after a change in the lab, or a reconnect). */
  function refreshFromLab(path: string, content: string | null) {
    const st = stateOf(path);
    if (!st) return;
    const doc = st.doc.toString();
    const base = bases.current.get(path) ?? null;
    if (content === base) return;
    if (content !== null && content === doc) {
      bases.current.set(path, content);
      patchTab(path, { dirty: false, isNew: false, conflict: undefined });
      return;
    }
    if (!isDirty(path, doc)) {
      bases.current.set(path, content);
      replaceDoc(path, content ?? '');
      patchTab(path, { dirty: false, isNew: content === null, conflict: undefined });
      setNotice({
        kind: 'info',
        text: content === null ? `${display(path)} 파일이 실습 환경에서 지워졌습니다. 저장하면 다시 만들어집니다.` : `터미널에서 바뀐 ${display(path)} 내용을 불러왔습니다.`,
      });
      return;
    }
    patchTab(path, { conflict: content });
  }

  function resolveConflict(path: string, take: 'lab' | 'mine') {
    const tab = tabsRef.current.find((t) => t.path === path);
    if (!tab || tab.conflict === undefined) return;
    const lab = tab.conflict;
    bases.current.set(path, lab);
    if (take === 'lab') replaceDoc(path, lab ?? '');
    patchTab(path, { conflict: undefined });
    refreshDirty(path);
  }

  function save(): boolean {
    const path = current.current;
    const v = view.current;
    if (!path || !v) return false;
    const content = v.state.doc.toString();
    if (new TextEncoder().encode(content).length > MAX_EDITOR_FILE_BYTES) {
      setNotice({ kind: 'error', text: `파일이 너무 큽니다 (최대 ${MAX_EDITOR_FILE_BYTES / 1024} KiB).` });
      return false;
    }
    saving.current.set(path, content);
    send({ t: 'fs-write', path, content });
    setNotice({ kind: 'info', text: '저장하는 중…' });
    return true;
  }

  function applyInTerminal() {
    const path = current.current;
    if (!path) return;
    const tab = tabsRef.current.find((t) => t.path === path);
    if ((tab?.dirty || tab?.isNew) && !save()) return;
    // The save goes first on the same socket, so the command sees it.
    window.dispatchEvent(new CustomEvent<LabRunDetail>(LAB_RUN_EVENT, { detail: { text: `kubectl apply -f ${path}` } }));
  }

  function closeTab(path: string) {
    const tab = tabsRef.current.find((t) => t.path === path);
    if (tab?.dirty && !window.confirm(`${display(path)}의 저장하지 않은 변경을 버릴까요?`)) return;
    const rest = tabsRef.current.filter((t) => t.path !== path);
    if (current.current === path) {
      current.current = null;
      activate(rest.at(-1)?.path ?? null);
    }
    states.current.delete(path);
    bases.current.delete(path);
    setTabs(() => rest);
  }

  function createFile(name: string): boolean {
    const path = homePath(name, LAB_HOME);
    if (!path) {
      setNotice({ kind: 'error', text: `${LAB_HOME} 아래의 파일 이름을 입력하세요 (예: pod.yaml).` });
      return false;
    }
    if (filesRef.current.some((f) => f.path === path)) openPath(path);
    else if (tabsRef.current.some((t) => t.path === path)) activate(path);
    else addTab(path, '', null);
    return true;
  }

  // The CodeMirror view and the lab's messages (the handlers only touch refs and state setters).
  const handlers = useRef<{
    openPath: typeof openPath; openText: typeof openText; refreshFromLab: typeof refreshFromLab;
    refreshDirty: typeof refreshDirty; addTab: typeof addTab;
  } | null>(null);
  useLayoutEffect(() => {
    saveRef.current = save;
    handlers.current = { openPath, openText, refreshFromLab, refreshDirty, addTab };
  });
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({ parent: host.current, state: EditorState.create({ doc: '' }) });
    view.current = v;
    const onServer = (event: Event) => {
      const m = (event as CustomEvent<ServerMessage>).detail;
      const h = handlers.current;
      if (!h) return;
      if (m?.t === 'ready') {
        send({ t: 'fs-list' });
        for (const t of tabsRef.current) send({ t: 'fs-read', path: t.path });
        return;
      }
      if (m?.t !== 'fs') return;
      if (m.op === 'list') setFiles(m.files);
      else if (m.op === 'read') {
        if (pendingOpen.current.delete(m.path)) {
          if (tabsRef.current.some((t) => t.path === m.path)) h.refreshFromLab(m.path, m.content);
          else h.addTab(m.path, m.content ?? '', m.content);
          if (m.content === null) setNotice({ kind: 'info', text: `새 파일 ${display(m.path)} — 저장하면 만들어집니다.` });
        } else h.refreshFromLab(m.path, m.content);
      } else if (m.op === 'written') {
        setFiles(m.files);
        const content = saving.current.get(m.path);
        saving.current.delete(m.path);
        if (content !== undefined) bases.current.set(m.path, content);
        h.refreshDirty(m.path);
        setTabs((ts) => ts.map((t) => (t.path === m.path ? { ...t, conflict: undefined } : t)));
        setNotice({ kind: 'ok', text: `저장했습니다: ${display(m.path)}` });
      } else if (m.op === 'changed') {
        setFiles(m.files);
        for (const path of m.changed) {
          if (saving.current.has(path)) continue;
          if (tabsRef.current.some((t) => t.path === path)) send({ t: 'fs-read', path });
        }
      } else if (m.op === 'error') {
        if (m.path) saving.current.delete(m.path);
        setNotice({ kind: 'error', text: m.message });
      }
    };
    window.addEventListener(LAB_SERVER_EVENT, onServer);
    send({ t: 'fs-list' });
    return () => {
      window.removeEventListener(LAB_SERVER_EVENT, onServer);
      v.destroy();
      view.current = null;
    };
  }, [setTabs]);

  // Open what the lab pane asked for (vi FILE, "편집기에서 열기").
  const handled = useRef(0);
  useEffect(() => {
    if (!request || request.seq === handled.current) return;
    handled.current = request.seq;
    if (request.kind === 'path') {
      if (request.path) handlers.current?.openPath(request.path);
    } else handlers.current?.openText(request.text, request.name);
  }, [request]);

  useEffect(() => {
    if (active && current.current) view.current?.focus();
  }, [active]);

  const anyDirty = tabs.some((t) => t.dirty);
  useEffect(() => onDirtyChange?.(anyDirty), [anyDirty, onDirtyChange]);

  const tab = tabs.find((t) => t.path === currentPath);
  return (
    <section className={styles.editor} aria-label="YAML 편집기" data-testid="editor">
      <div className={styles.toolbar}>
        <div className={styles.tabs} role="tablist" aria-label="열린 파일">
          {tabs.map((t) => (
            <span key={t.path} className={styles.tab} data-active={t.path === currentPath}>
              <button type="button" role="tab" aria-selected={t.path === currentPath} title={display(t.path)}
                className={styles.tabName} onClick={() => activate(t.path)}>
                {baseName(t.path)}
                {t.dirty && <span className={styles.dirty} aria-label="저장하지 않음"> ●</span>}
              </button>
              <button type="button" className={styles.close} aria-label={`${baseName(t.path)} 닫기`} onClick={() => closeTab(t.path)}>
                ×
              </button>
            </span>
          ))}
        </div>
        <div className={styles.actions}>
          <button type="button" className={styles.button} onClick={() => save()} disabled={!tab} data-testid="editor-save"
            title="저장 (Ctrl-S)">
            저장
          </button>
          {tab && isYamlPath(tab.path) && (
            <button type="button" className={styles.button} onClick={applyInTerminal} title={`kubectl apply -f ${display(tab.path)}`}>
              터미널에서 적용
            </button>
          )}
        </div>
      </div>
      <div className={styles.body}>
        <FileList files={files} home={LAB_HOME} currentPath={currentPath} onOpen={openPath} onCreate={createFile} />
        <div className={styles.main}>
          {tab?.conflict !== undefined && tab && (
            <div className={styles.conflict} role="alert">
              <span>
                {tab.conflict === null ? '이 파일이 터미널에서 지워졌습니다.' : '이 파일이 터미널에서 바뀌었습니다.'} 저장하지 않은 내용이 있습니다.
              </span>
              <button type="button" className={styles.button} onClick={() => resolveConflict(tab.path, 'lab')}>
                바뀐 내용 불러오기
              </button>
              <button type="button" className={styles.button} onClick={() => resolveConflict(tab.path, 'mine')}>
                내 내용 유지
              </button>
            </div>
          )}
          {!tab && (
            <p className={styles.placeholder}>
              왼쪽 목록에서 파일을 고르거나 <strong>새 파일</strong>을 만드세요. 터미널에서 <code>vi pod.yaml</code>로도 열 수 있고,
              레슨의 YAML 예제는 <strong>편집기에서 열기</strong>로 가져올 수 있습니다.
            </p>
          )}
          <div ref={host} className={styles.host} hidden={!tab} data-testid="editor-code" />
        </div>
      </div>
      <p className={styles.notice} role="status" aria-live="polite" data-kind={notice?.kind} data-testid="editor-notice">
        {notice?.text ?? (tab ? `${display(tab.path)}${tab.isNew ? ' (새 파일)' : ''}` : '')}
      </p>
    </section>
  );
}
