package io.pollwatt.platform.rules;

import java.util.ArrayList;
import java.util.List;

/** Where rules report what they find, in order. */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();

    public void add(Finding f) {
        list.add(f);
    }

    public List<Finding> list() {
        return List.copyOf(list);
    }
}
