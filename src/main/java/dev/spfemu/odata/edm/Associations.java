package dev.spfemu.odata.edm;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.ServiceModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names under which a navigation property's association appears in {@code $metadata} and in
 * Olingo's EDM, in one place so that both agree. SPF serves VMM through a custom WCF Data Services
 * provider, whose navigation properties are one-way; WCF Data Services names such an association
 * {@code {SourceType}_{Navigation}}, its set {@code {SourceSet}_{Navigation}}, its ends after the
 * source type and the navigation property, and gives the source end multiplicity {@code *} (no
 * property points back at it) and the target end {@code *} or {@code 0..1}. SPF's own names are not
 * known; these are WCF Data Services' conventions [I].
 */
final class Associations {

  private Associations() {
  }

  /** Every navigation property of the model, in model order. */
  static List<NavigationModel> of(ServiceModel model) {
    List<NavigationModel> all = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (EntityTypeModel type : model.entityTypes()) {
      for (NavigationModel navigation : type.navigation()) {
        if (fromRole(navigation).equals(toRole(navigation))) {
          throw new IllegalStateException(type.name() + "." + navigation.name()
              + ": a navigation property named like its type would give both ends of its association one role");
        }
        if (!names.add(name(navigation)) || !names.add(setName(navigation))) {
          throw new IllegalStateException(type.name() + "." + navigation.name() + ": association name taken");
        }
        all.add(navigation);
      }
    }
    return all;
  }

  /** {@code VirtualMachine_VirtualNetworkAdapters}. */
  static String name(NavigationModel navigation) {
    return navigation.source().name() + "_" + navigation.name();
  }

  /** {@code VMM.VirtualMachine_VirtualNetworkAdapters}. */
  static String qualifiedName(NavigationModel navigation) {
    return navigation.source().namespace() + "." + name(navigation);
  }

  /** {@code VirtualMachines_VirtualNetworkAdapters}. */
  static String setName(NavigationModel navigation) {
    return navigation.source().entitySet() + "_" + navigation.name();
  }

  /** The source end's role: the source type's name. */
  static String fromRole(NavigationModel navigation) {
    return navigation.source().name();
  }

  /** The target end's role: the navigation property's name. */
  static String toRole(NavigationModel navigation) {
    return navigation.name();
  }

  /** The target end's multiplicity. */
  static String toMultiplicity(NavigationModel navigation) {
    return navigation.many() ? "*" : "0..1";
  }

  /** The source end's multiplicity: {@code *}, as no navigation property leads back. */
  static String fromMultiplicity(NavigationModel navigation) {
    return "*";
  }
}
