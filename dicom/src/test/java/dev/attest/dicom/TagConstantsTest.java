package dev.attest.dicom;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every tag constant is named for the keyword PS3.6 gives its number (items and group lengths aside), so a mistyped number cannot hide. */
class TagConstantsTest {
    static List<String> mismatches(Class<?> holder) throws IllegalAccessException {
        List<String> wrong = new ArrayList<>();
        for (Field f : holder.getDeclaredFields()) {
            // Tags are named in CamelCase keywords; UPPER_CASE ints are other constants.
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers()) || f.getName().equals(f.getName().toUpperCase(Locale.ROOT))) {
                continue;
            }
            f.setAccessible(true);
            int tag = f.getInt(null);
            String keyword = TagDictionary.keyword(tag);
            if (!keyword.equals(f.getName()) && Tag.group(tag) != 0xFFFE && Tag.element(tag) != 0) {
                wrong.add(f.getName() + " = " + Tag.toString(tag) + " is " + keyword);
            }
        }
        return wrong;
    }

    @Test
    void tagConstantsMatchTheDictionaryKeywords() throws Exception {
        assertEquals(List.of(), mismatches(Tag.class));
        assertEquals(List.of(), mismatches(Class.forName("dev.attest.dicom.seg.SegTags")));
        assertEquals(List.of(), mismatches(Code.class));
        assertEquals(List.of(), mismatches(dev.attest.dicom.write.StudyContext.class));
    }
}
