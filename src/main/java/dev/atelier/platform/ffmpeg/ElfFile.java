package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and edits the dynamic section of a 64-bit little-endian ELF file (x86-64 Linux): the
 * shared libraries it names ({@code DT_NEEDED}) and its symbol version needs. Enough to list what
 * a binary links and to forget a dependency it never uses, as {@code patchelf --remove-needed}
 * does, without any tool but the JDK.
 */
final class ElfFile {

    private static final long PT_LOAD = 1;
    private static final long PT_DYNAMIC = 2;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;

    private final ByteBuffer bytes;
    private final List<long[]> loads = new ArrayList<>(); // {vaddr, offset, filesz}
    private final int dynamicOffset;
    private final int dynamicCount;

    private ElfFile(byte[] content) throws IOException {
        bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        if (content.length < 64 || bytes.getInt(0) != 0x464c457f || content[4] != 2 || content[5] != 1) {
            throw new IOException("not a 64-bit little-endian ELF file");
        }
        long phoff = bytes.getLong(0x20);
        int phentsize = Short.toUnsignedInt(bytes.getShort(0x36));
        int phnum = Short.toUnsignedInt(bytes.getShort(0x38));
        long dynOffset = -1;
        long dynSize = 0;
        for (int i = 0; i < phnum; i++) {
            int at = Math.toIntExact(phoff + (long) i * phentsize);
            long type = Integer.toUnsignedLong(bytes.getInt(at));
            if (type == PT_LOAD) {
                loads.add(new long[] {bytes.getLong(at + 16), bytes.getLong(at + 8), bytes.getLong(at + 32)});
            } else if (type == PT_DYNAMIC) {
                dynOffset = bytes.getLong(at + 8);
                dynSize = bytes.getLong(at + 32);
            }
        }
        if (dynOffset < 0) {
            throw new IOException("a statically linked ELF file has no dynamic section");
        }
        dynamicOffset = Math.toIntExact(dynOffset);
        dynamicCount = Math.toIntExact(dynSize / 16);
    }

    /** Whether the file is dynamically linked (has a {@code PT_DYNAMIC} segment). */
    static boolean isDynamic(Path file) throws IOException {
        try {
            new ElfFile(Files.readAllBytes(file));
            return true;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("a statically linked")) {
                return false;
            }
            throw e;
        }
    }

    /** The names in the file's {@code DT_NEEDED} entries, in order; empty for a static binary. */
    static List<String> needed(Path file) throws IOException {
        if (!isDynamic(file)) {
            return List.of();
        }
        ElfFile elf = new ElfFile(Files.readAllBytes(file));
        List<String> names = new ArrayList<>();
        long strtab = elf.offsetOf(elf.dynamicValue(DT_STRTAB));
        for (int i = 0; i < elf.dynamicCount; i++) {
            long tag = elf.tag(i);
            if (tag == DT_NULL) {
                break;
            }
            if (tag == DT_NEEDED) {
                names.add(elf.string(strtab + elf.value(i)));
            }
        }
        return names;
    }

    /**
     * Removes the named libraries from the file's {@code DT_NEEDED} entries and its symbol version
     * needs, in place. Symbols that only those libraries defined stay unresolved: fine for code
     * that is bound lazily and never runs (here, libavdevice's capture devices), fatal otherwise.
     *
     * @return whether anything changed
     */
    static boolean dropNeeded(Path file, Set<String> libraries) throws IOException {
        ElfFile elf = new ElfFile(Files.readAllBytes(file));
        boolean changed = elf.dropNeededEntries(libraries) | elf.dropVersionNeeds(libraries);
        if (changed) {
            Files.write(file, elf.bytes.array());
        }
        return changed;
    }

    private boolean dropNeededEntries(Set<String> libraries) throws IOException {
        long strtab = offsetOf(dynamicValue(DT_STRTAB));
        List<long[]> kept = new ArrayList<>();
        boolean dropped = false;
        for (int i = 0; i < dynamicCount; i++) {
            long tag = tag(i);
            if (tag == DT_NULL) {
                break;
            }
            if (tag == DT_NEEDED && libraries.contains(string(strtab + value(i)))) {
                dropped = true;
                continue;
            }
            kept.add(new long[] {tag, value(i)});
        }
        if (!dropped) {
            return false;
        }
        for (int i = 0; i < dynamicCount; i++) {
            long[] entry = i < kept.size() ? kept.get(i) : new long[] {DT_NULL, 0};
            bytes.putLong(dynamicOffset + i * 16, entry[0]);
            bytes.putLong(dynamicOffset + i * 16 + 8, entry[1]);
        }
        return true;
    }

    private boolean dropVersionNeeds(Set<String> libraries) throws IOException {
        int verneedIndex = dynamicIndex(DT_VERNEED);
        int countIndex = dynamicIndex(DT_VERNEEDNUM);
        if (verneedIndex < 0 || countIndex < 0) {
            return false;
        }
        long strtab = offsetOf(dynamicValue(DT_STRTAB));
        long firstAddress = value(verneedIndex);
        long firstOffset = offsetOf(firstAddress);
        List<Long> kept = new ArrayList<>();
        boolean dropped = false;
        long at = firstOffset;
        for (long n = value(countIndex); n > 0; n--) {
            int entry = Math.toIntExact(at);
            String file = string(strtab + Integer.toUnsignedLong(bytes.getInt(entry + 4)));
            if (libraries.contains(file)) {
                dropped = true;
            } else {
                kept.add(at);
            }
            long next = Integer.toUnsignedLong(bytes.getInt(entry + 12));
            if (next == 0) {
                break;
            }
            at += next;
        }
        if (!dropped) {
            return false;
        }
        for (int i = 0; i < kept.size(); i++) {
            long next = i + 1 < kept.size() ? kept.get(i + 1) - kept.get(i) : 0;
            bytes.putInt(Math.toIntExact(kept.get(i) + 12), Math.toIntExact(next));
        }
        bytes.putLong(dynamicOffset + verneedIndex * 16 + 8,
                kept.isEmpty() ? firstAddress : firstAddress + (kept.getFirst() - firstOffset));
        bytes.putLong(dynamicOffset + countIndex * 16 + 8, kept.size());
        recountVersionNeedSection(kept.size());
        return true;
    }

    /** Keeps the section header's entry count ({@code sh_info}) true for tools such as readelf. */
    private void recountVersionNeedSection(int entries) {
        long shoff = bytes.getLong(0x28);
        int shentsize = Short.toUnsignedInt(bytes.getShort(0x3a));
        int shnum = Short.toUnsignedInt(bytes.getShort(0x3c));
        if (shoff == 0 || shentsize < 64 || shoff + (long) shnum * shentsize > bytes.capacity()) {
            return;
        }
        for (int i = 0; i < shnum; i++) {
            int at = Math.toIntExact(shoff + (long) i * shentsize);
            if (Integer.toUnsignedLong(bytes.getInt(at + 4)) == DT_VERNEED) { // SHT_GNU_verneed has the same number
                bytes.putInt(at + 44, entries);
            }
        }
    }

    private long tag(int index) {
        return bytes.getLong(dynamicOffset + index * 16);
    }

    private long value(int index) {
        return bytes.getLong(dynamicOffset + index * 16 + 8);
    }

    private int dynamicIndex(long wanted) {
        for (int i = 0; i < dynamicCount; i++) {
            long tag = tag(i);
            if (tag == wanted) {
                return i;
            }
            if (tag == DT_NULL) {
                break;
            }
        }
        return -1;
    }

    private long dynamicValue(long wanted) throws IOException {
        int index = dynamicIndex(wanted);
        if (index < 0) {
            throw new IOException("no dynamic entry " + Long.toHexString(wanted));
        }
        return value(index);
    }

    private long offsetOf(long address) throws IOException {
        for (long[] load : loads) {
            if (address >= load[0] && address < load[0] + load[2]) {
                return address - load[0] + load[1];
            }
        }
        throw new IOException("address 0x" + Long.toHexString(address) + " is in no loaded segment");
    }

    private String string(long offset) {
        int start = Math.toIntExact(offset);
        int end = start;
        while (bytes.get(end) != 0) {
            end++;
        }
        return new String(bytes.array(), start, end - start, StandardCharsets.UTF_8);
    }
}
