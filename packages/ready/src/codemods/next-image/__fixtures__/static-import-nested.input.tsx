// fixture: {"file": "apps/web/app/about/team/page.tsx"}
import styles from './page.module.css';

// The team, as a picture.
export default function Team() {
  return (
    <section className={styles.team}>
      <img src="/images/team-photo@2x.png" alt="The team" />
      <img src="/images/team-photo@2x.png" alt="The team, again" style={{ opacity: 0.5 }} />
    </section>
  );
}
