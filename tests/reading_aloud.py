"""The read-aloud states a page can be in, set as listen.js sets them (static/js/listen.js):
the block being read has the class `listen-reading`, the word being said is the CSS
highlight `listen-word`, a playing speaker has aria-pressed="true", and a speaker whose
sound does not work shows the message in its `.listen__problem`.

Every block is put in the state at once (each looks as it would alone: the state is drawn
inside the block), so that one screenshot sees them all. tests/browser/test_listen.py
reaches the same states through a real click on a speaker with real audio.
"""

READ_AND_PLAYING = """
problem => {
  const targets = [...document.querySelectorAll('[data-listen-target]')]
    .map(control => document.getElementById(control.getAttribute('data-listen-target')))
    .filter(Boolean);
  const words = [];
  for (const block of targets) {
    block.classList.add('listen-reading');
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = /\\S+/.exec(node.data);
      if (match && node.parentElement.checkVisibility() && !node.parentElement.closest('.visually-hidden')) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        words.push(range);
        break;
      }
    }
  }
  if (window.Highlight && words.length) CSS.highlights.set('listen-word', new Highlight(...words));
  document.querySelectorAll('.listen__button').forEach(b => b.setAttribute('aria-pressed', 'true'));
  document.querySelectorAll('.listen__problem').forEach(p => { p.textContent = problem; });
  return targets.length;
}
"""

QUIET = """
() => {
  document.querySelectorAll('.listen-reading').forEach(b => b.classList.remove('listen-reading'));
  if (window.CSS && CSS.highlights) CSS.highlights.delete('listen-word');
  document.querySelectorAll('.listen__button').forEach(b => b.setAttribute('aria-pressed', 'false'));
  document.querySelectorAll('.listen__problem').forEach(p => { p.textContent = ''; });
}
"""


def read_everything_aloud(page, problem="Lyden virker ikke lige nu"):
    """Every block being read, its first word highlighted, every speaker playing and every
    problem message showing. Returns how many blocks are being read."""
    return page.evaluate(READ_AND_PLAYING, problem)


def stop_reading(page):
    page.evaluate(QUIET)
