// The async lesson's four calls (a 2 s and a 1 s delay, a fast GET and a 404) through the five
// built-in strategies: sequential takes the sum (3 s), the concurrent ones the longest call (2 s).
import { defineBench } from 'fanout-bench';

export default defineBench({
  name: 'lesson',
  fixture: '../fixtures/lesson.json',
  strategies: ['sequential', 'all', 'all-settled', 'pool', 'batched'],
});
