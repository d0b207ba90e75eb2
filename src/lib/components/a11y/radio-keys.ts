/**
 * Arrow keys in a group of radio buttons (WAI-ARIA radio group): the next or previous option,
 * wrapping round, Home and End the first and last; null for any other key. The group is one Tab
 * stop (the checked option), and moving with an arrow checks the option moved to.
 */
export function radioStep(key: string, index: number, count: number): number | null {
	if (count <= 0) return null;
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
			return (index + 1) % count;
		case 'ArrowLeft':
		case 'ArrowUp':
			return (index - 1 + count) % count;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}
