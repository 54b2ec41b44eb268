import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="container">
      <h1>페이지를 찾을 수 없습니다</h1>
      <p>주소가 바뀌었거나 없는 레슨입니다.</p>
      <Link href="/" className="btn btn-primary">코스 목록으로</Link>
    </div>
  );
}
