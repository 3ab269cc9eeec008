/**
 * The leaderboard's metric switch (site/Leaderboard.astro): shows the select, shows the board of
 * the chosen metric and hides the others, and keeps the choice in the address (`rank`, the
 * leaderboard's parameter in url-state.ts; absent for the primary metric). A `rank` naming no
 * board leaves the primary one. Plain DOM, no framework: the page's boards are all rendered.
 */
import { readParam, replaceParams } from './url-state.ts';

export function mountLeaderboardSwitch(root: ParentNode = document): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-leaderboards]')) {
    const select = section.querySelector<HTMLSelectElement>('[data-board-select]');
    const boards = [...section.querySelectorAll<HTMLElement>('[data-board]')];
    if (!select || boards.length < 2) continue;
    const primary = section.dataset.primary ?? boards[0]!.dataset.board!;
    const show = (key: string) => {
      const chosen = boards.find((b) => b.dataset.board === key) ?? boards[0]!;
      for (const board of boards) board.hidden = board !== chosen;
      select.value = chosen.dataset.board!;
      const code = section.querySelector('[data-board-key]');
      const direction = section.querySelector('[data-board-direction]');
      if (code) code.textContent = chosen.dataset.board!;
      if (direction) direction.textContent = `(${chosen.dataset.direction ?? ''})`;
      return chosen.dataset.board!;
    };
    show(readParam(location.search, 'rank') ?? primary);
    select.closest<HTMLElement>('.board-switch')!.hidden = false;
    select.addEventListener('change', () => {
      const key = show(select.value);
      replaceParams({ rank: key === primary ? undefined : key });
    });
  }
}
