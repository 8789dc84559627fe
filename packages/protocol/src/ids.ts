/** Strict shape of an id taken from a URL path (roadmaps, links, snapshots). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/
