/** The four moments of 001 §StatefulSet Controller (figures 8–11), as data. */
export type PodState = 'new' | 'kept' | 'deleted';
export interface Chip {
  name: string;
  state: PodState;
  /** order badge (1, 2, 3) for one-at-a-time steps */
  order?: number;
  /** draw an arrow from the previous chip (replacement) */
  replaces?: boolean;
}
export interface Side {
  chips: Chip[];
  note: string;
}
export interface Step {
  id: 'create' | 'scale-up' | 'recreate' | 'scale-down';
  label: string;
  sub: string;
  rs: Side;
  ss: Side;
}

export const podIdentitySteps: readonly Step[] = [
  {
    id: 'create',
    label: '생성',
    sub: 'replicas: 1',
    rs: { chips: [{ name: 'web-7kx2p', state: 'new' }], note: '이름 뒤에 무작위 문자열이 붙는다' },
    ss: { chips: [{ name: 'db-0', state: 'new' }], note: '0번부터 순번(ordinal)이 붙는다' },
  },
  {
    id: 'scale-up',
    label: '확장',
    sub: 'replicas: 3',
    rs: {
      chips: [
        { name: 'web-7kx2p', state: 'kept' },
        { name: 'web-p9d4s', state: 'new' },
        { name: 'web-xq2lm', state: 'new' },
      ],
      note: '새 파드 두 개가 동시에 생긴다',
    },
    ss: {
      chips: [
        { name: 'db-0', state: 'kept' },
        { name: 'db-1', state: 'new', order: 1 },
        { name: 'db-2', state: 'new', order: 2 },
      ],
      note: '하나씩: db-1이 Ready가 된 뒤에 db-2',
    },
  },
  {
    id: 'recreate',
    label: '파드 삭제',
    sub: '다시 만들어질 때',
    rs: {
      chips: [
        { name: 'web-p9d4s', state: 'deleted' },
        { name: 'web-h8r2k', state: 'new', replaces: true },
      ],
      note: '새 무작위 이름의 파드로 대체된다',
    },
    ss: {
      chips: [
        { name: 'db-1', state: 'deleted' },
        { name: 'db-1', state: 'new', replaces: true },
      ],
      note: '삭제된 파드와 같은 이름으로 돌아온다',
    },
  },
  {
    id: 'scale-down',
    label: '축소',
    sub: 'replicas: 0',
    rs: {
      chips: [
        { name: 'web-7kx2p', state: 'deleted' },
        { name: 'web-h8r2k', state: 'deleted' },
        { name: 'web-xq2lm', state: 'deleted' },
      ],
      note: '모든 파드가 동시에 삭제된다',
    },
    ss: {
      chips: [
        { name: 'db-2', state: 'deleted', order: 1 },
        { name: 'db-1', state: 'deleted', order: 2 },
        { name: 'db-0', state: 'deleted', order: 3 },
      ],
      note: '번호가 큰 파드부터 하나씩 역순으로',
    },
  },
];
