import Link from 'next/link';
import { listCourses } from '@/lib/content';
import { getLearnerProgress } from './lib/progress';
import { getViewer } from './lib/identity';
import { CourseOutline, countCompleted } from './ui/course/course-outline';
import { ProgressMeter } from './ui/course/progress-meter';
import styles from './home.module.css';

export default async function HomePage() {
  const [courses, viewer] = await Promise.all([listCourses(), getViewer()]);
  const { status, resume } = await getLearnerProgress(viewer?.userId, courses);
  const firstLesson = courses[0]?.modules[0]?.lessons[0];
  return (
    <div className="container">
      <section className={styles.hero} aria-labelledby="hero-title">
        <p className={styles.eyebrow}>설치 없이, 브라우저에서 바로</p>
        <h1 id="hero-title" className={styles.title}>
          손으로 익히는 <span className={styles.accent}>쿠버네티스</span>
        </h1>
        <p className={styles.lead}>
          레슨을 읽고, 옆의 터미널에서 나만의 클러스터에 <code>kubectl</code>을 직접 입력해 보세요.
          실습 결과는 자동으로 채점되고, 무엇이 왜 틀렸는지 알려 드립니다.
        </p>
        <div className={styles.actions}>
          {resume ? (
            <Link href={resume.href} className="btn btn-primary">
              이어서 학습하기 <span className={styles.resumeTitle}>· {resume.title}</span>
            </Link>
          ) : (
            firstLesson && <Link href={firstLesson.href} className="btn btn-primary">첫 레슨 시작하기</Link>
          )}
          {!viewer || viewer.isGuest ? (
            <Link href="/signup" className="btn btn-secondary">회원가입하고 진도 저장하기</Link>
          ) : (
            <Link href="/dashboard" className="btn btn-secondary">내 학습 현황 보기</Link>
          )}
        </div>
        <p className={styles.note}>레슨은 계정 없이도 읽고 실습할 수 있습니다.</p>
      </section>

      <section id="courses" aria-labelledby="courses-title" className={styles.courses}>
        <h2 id="courses-title" className="visually-hidden">코스</h2>
        {courses.length === 0 && <p className={styles.empty}>아직 공개된 코스가 없습니다.</p>}
        {courses.map((course) => {
          const done = countCompleted(course, status);
          return (
            <article key={course.slug} className={styles.course} aria-labelledby={`course-${course.slug}`}>
              <header className={styles.courseHeader}>
                <div>
                  <h2 id={`course-${course.slug}`} className={styles.courseTitle}>
                    <Link href={course.href}>{course.title}</Link>
                  </h2>
                  <p className={styles.courseDescription}>{course.description}</p>
                </div>
                {viewer ? (
                  <ProgressMeter className={styles.progress} done={done} total={course.lessonCount} label={course.title} />
                ) : (
                  <div className={styles.progress}>
                    <span>레슨 {course.lessonCount}개</span>
                  </div>
                )}
              </header>
              <CourseOutline course={course} status={status} showProgress={Boolean(viewer)} />
            </article>
          );
        })}
      </section>
    </div>
  );
}
