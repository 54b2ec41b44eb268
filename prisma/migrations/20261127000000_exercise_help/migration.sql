-- CreateTable
CREATE TABLE "ExerciseHelp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "hintsRevealed" INTEGER NOT NULL DEFAULT 0,
    "solutionViewedAt" DATETIME,
    "solutionUsedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExerciseHelp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseHelp_userId_courseSlug_lessonSlug_exerciseId_key" ON "ExerciseHelp"("userId", "courseSlug", "lessonSlug", "exerciseId");
