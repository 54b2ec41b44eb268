/** lib/db: server-only data access. Pages and actions use these named queries, never Prisma. */
export { createPrismaClient, disconnectPrisma, getPrisma } from './client';
export { checksumOf, defaultMigrationsDir, migrate, MigrationError, readMigrations } from './migrate';
export type { MigrateOptions, MigrateResult, MigrationFile } from './migrate';
export {
  createGuestUser,
  createUser,
  deleteStaleGuests,
  EmailTakenError,
  findOrCreateGithubUser,
  findUserByEmail,
  getGuestUser,
  getUser,
  normalizeEmail,
  upgradeGuestToUser,
} from './users';
export type { NewUser, UserRecord } from './users';
export { mergeGuestIntoUser } from './merge';
export {
  getLessonProgress,
  listAttempts,
  listLatestAttempts,
  listPassedExerciseIds,
  listLessonProgress,
  recordAttempt,
  recordLessonCompleted,
  recordLessonOpened,
} from './progress';
export type { AttemptRecord, LessonProgressRecord, LessonRef, ListAttemptsFilter, NewAttempt } from './progress';
export { listExerciseHelp, recordHintsRevealed, recordSolutionUsed, recordSolutionViewed } from './help';
export type { ExerciseHelpRecord, ExerciseRef } from './help';
export { deleteLabSnapshot, getLabSnapshot, listLabKeys, saveLabSnapshot } from './labs';
export type { LabSnapshotRecord } from './labs';
export { clearLoginThrottle, getLoginThrottle, pruneLoginThrottles, recordLoginFailure } from './throttle';
export type { ThrottlePolicy, ThrottleRecord } from './throttle';
export { listCatalogLessons, seedCatalog } from './catalog';
export { seed } from './seed';
export type { CatalogCourse, CatalogLesson } from './catalog';
export { getDashboard } from './dashboard';
export type { Dashboard, DashboardAttempt, DashboardExercise, DashboardLesson } from './dashboard';
export { applyInstructorRoles, getUserRole, instructorEmails, parseInstructorEmails, ROLES, roleForEmail, syncUserRole } from './roles';
export type { Role } from './roles';
export {
  ClassroomNotFoundError, createClassroom, deleteClassroom, generateJoinCode, JOIN_CODE_LENGTH, joinClassroom, leaveClassroom,
  listInstructorClassrooms, listMemberships, normalizeJoinCode, NotInstructorError, OwnClassroomError,
  removeClassroomMember,
} from './classrooms';
export type { ClassroomSummary, Membership } from './classrooms';
export { getClassroomReport } from './class-report';
export type { ClassroomReport, ExerciseReport, FailingTask, LessonReport, MemberReport } from './class-report';
