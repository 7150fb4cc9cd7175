import { Button } from '@rc/ui-kit';
import { CodePanel } from '../components/code-panel';
import { EmojiPanel } from '../components/emoji-panel';
import { site } from '../lib/site';

export default function Home() {
  return (
    <main>
      <h1>{site.company}</h1>
      <p>
        {site.api} · signups {site.signups ? 'open' : 'closed'} · analytics {site.analytics ? 'on' : 'off'} · {site.release}
      </p>
      <Button label="Start" />
      <CodePanel code={'const answer = 42;'} />
      <EmojiPanel />
    </main>
  );
}
