package dev.attest.viewer.surface;

/** Each vertex's distinct edge neighbours, in compressed rows (offsets + flat array). */
final class VertexNeighbours {
    final int[] offsets;
    final int[] neighbours;

    private VertexNeighbours(int[] offsets, int[] neighbours) {
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    static VertexNeighbours of(int vertexCount, int[] triangles) {
        // Every triangle gives each corner two neighbour entries; duplicates (an edge seen from both
        // of its triangles) are removed per row afterwards.
        int[] count = new int[vertexCount + 1];
        for (int v : triangles) {
            count[v + 1] += 2;
        }
        for (int v = 0; v < vertexCount; v++) {
            count[v + 1] += count[v];
        }
        int[] fill = count.clone();
        int[] flat = new int[triangles.length * 2];
        for (int t = 0; t < triangles.length; t += 3) {
            for (int c = 0; c < 3; c++) {
                int v = triangles[t + c];
                flat[fill[v]++] = triangles[t + (c + 1) % 3];
                flat[fill[v]++] = triangles[t + (c + 2) % 3];
            }
        }
        int[] offsets = new int[vertexCount + 1];
        int out = 0;
        for (int v = 0; v < vertexCount; v++) {
            offsets[v] = out;
            int start = count[v];
            int end = count[v + 1];
            java.util.Arrays.sort(flat, start, end);
            for (int i = start; i < end; i++) {
                if (i == start || flat[i] != flat[i - 1]) {
                    flat[out++] = flat[i];
                }
            }
        }
        offsets[vertexCount] = out;
        return new VertexNeighbours(offsets, java.util.Arrays.copyOf(flat, out));
    }
}
