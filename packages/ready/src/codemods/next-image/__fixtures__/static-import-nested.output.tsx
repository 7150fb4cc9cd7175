// fixture: {"file": "apps/web/app/about/team/page.tsx"}
import styles from './page.module.css';
import teamPhoto2xImg from '../../../public/images/team-photo@2x.png';
import Image from 'next/image';

// The team, as a picture.
export default function Team() {
  return (
    <section className={styles.team}>
      <Image src={teamPhoto2xImg} alt="The team" />
      <Image src={teamPhoto2xImg} alt="The team, again" style={{ opacity: 0.5 }} />
    </section>
  );
}
